# Converting a huge int to float.
n = 2 ** 2000
print(n > 0)
print(float(n))
