# Zero raised to a negative power.
print(0.0 ** 2)
print(0.0 ** -1)
