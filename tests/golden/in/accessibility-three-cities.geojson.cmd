steppenet accessibility --places omsk,pavlodar,semey --format geojson
