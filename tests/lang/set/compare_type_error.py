# Ordering a set against a non-set raises TypeError.
print({1} == 1)
print({1} < 1)
