# str() of an int with more than 4300 digits raises ValueError.
n = 10 ** 4300
print(len(str(n // 10)))
print(str(n))
