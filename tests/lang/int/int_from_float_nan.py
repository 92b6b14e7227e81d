# int() of NaN raises ValueError.
print(int(float("nan")))
