steppenet border-cut --mode rail --sector urals --format geojson
