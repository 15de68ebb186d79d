steppenet exposure --ods "Omsk>Pavlodar,Orenburg>Aktobe,Petropavl>Kurgan,Pavlodar>Omsk" --format csv
