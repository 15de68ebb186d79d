steppenet accessibility --places omsk,pavlodar,orenburg,aktobe --format csv
