# int() of a string with more than 4300 digits raises ValueError.
s = "7" * 4300
print(int(s) % 10)
print(int(s + "7"))
