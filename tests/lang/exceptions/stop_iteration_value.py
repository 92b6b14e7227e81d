# StopIteration carries a value attribute.
e = StopIteration(42)
print(e.value, e.args)
try:
    raise StopIteration("done")
except StopIteration as s:
    print(s.value, s)
