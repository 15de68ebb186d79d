steppenet route omsk pavlodar --format geojson
