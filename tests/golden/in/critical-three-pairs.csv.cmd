steppenet critical --ods "Omsk>Pavlodar,Orenburg>Aktobe,Petropavl>Kurgan" --top 5 --format csv
