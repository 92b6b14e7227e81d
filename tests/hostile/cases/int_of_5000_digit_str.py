# int() of a 5000-digit string: ValueError naming the digit count.
s = "9" * 5000
print(len(s))
x = int(s)
