steppenet table --from 54.98,73.37,Pavlodar --to Kostanay,Semey,Ust-Kamenogorsk --mode river --format csv
