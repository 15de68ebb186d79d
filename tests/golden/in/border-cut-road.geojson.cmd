steppenet border-cut --format geojson
