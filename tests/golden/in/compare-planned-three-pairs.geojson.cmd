steppenet compare current planned --ods "Samara>Atyrau,Astrakhan>Atyrau,Orenburg>Aktobe" --format geojson
