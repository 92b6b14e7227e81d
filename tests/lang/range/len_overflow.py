# len() of a range with more than sys.maxsize elements.
r = range(10 ** 20)
print(r[-1])
print(len(r))
