# issubclass with classes and tuples of classes.
class A: pass
class B(A): pass
class C(B): pass
print(issubclass(C, A), issubclass(A, C), issubclass(C, C))
print(issubclass(C, (int, B)), issubclass(int, (str, float)))
print(issubclass(bool, int), issubclass(C, object))
try:
    issubclass(C(), A)
except TypeError as e:
    print(e)
