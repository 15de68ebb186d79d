steppenet corridors --format csv
