steppenet route omsk pavlodar --format csv
