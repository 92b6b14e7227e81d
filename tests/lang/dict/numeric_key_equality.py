# 1, 1.0 and True are the same key; the first key object is kept.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
e = {True: "t"}
e[1] = "one"
print(e)
f = {0: "zero", False: "false", 0.0: "fz"}
print(f)
print({1.5: "x"}.get(1.5), {2: "y"}.get(2.0), {0: "z"}.get(False))
g = {-0.0: "negzero"}
print(g.get(0), g)
