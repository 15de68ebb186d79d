steppenet border-cut --sector altai --format geojson
