steppenet batch $IN/batch-od.csv --geojson $OUT/routes.geojson
