steppenet reach Pavlodar --hours 24 --format geojson
