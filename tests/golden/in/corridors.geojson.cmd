steppenet corridors --format geojson
