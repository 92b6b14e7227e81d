# round() of infinity without ndigits raises OverflowError.
print(round(float("inf"), 2))
print(round(float("inf")))
