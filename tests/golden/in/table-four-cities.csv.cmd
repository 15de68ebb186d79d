steppenet table --places Omsk,Pavlodar,Kostanay,Semey --by time --format csv
