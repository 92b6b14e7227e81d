# Set operators require sets on both sides.
print({1} | {2})
print({1} | [2])
