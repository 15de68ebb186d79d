steppenet batch $IN/batch-od.csv --format csv
