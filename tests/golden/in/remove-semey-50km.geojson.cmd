steppenet remove --within 50km:Semey --ods "Omsk>Semey,Pavlodar>Semey,Pavlodar>Ust-Kamenogorsk" --format geojson
