# str.format with indexing and attribute fields.
import math
lst = [10, 20, 30]
d = {"k": "v", "n": 5}
print("{0[1]} {0[2]}".format(lst))
print("{d[k]} {d[n]}".format(d=d))
print("{0[0][1]}".format([[1, 2]]))
print("{m.pi:.4f}".format(m=math))
print("{0.e}".format(math))
