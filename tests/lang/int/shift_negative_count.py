# A negative shift count raises ValueError.
print(1 << 2)
print(1 >> -1)
