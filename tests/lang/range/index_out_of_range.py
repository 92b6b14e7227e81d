# Indexing a range past its end.
r = range(5)
print(r[4])
print(r[5])
