# isinstance accepts a tuple of types, including nested tuples.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, int)))
print(isinstance(3, (str, (float, int))), isinstance(True, int))
print(isinstance(b, object), isinstance(A, type), isinstance(None, type(None)))
