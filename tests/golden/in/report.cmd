steppenet report --out $OUT
