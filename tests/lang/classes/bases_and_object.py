# Every class derives from object; __bases__ lists direct bases.
class A: pass
class B(A): pass
class C(A, object): pass
print([k.__name__ for k in A.__bases__], [k.__name__ for k in B.__bases__])
print([k.__name__ for k in C.__mro__], object.__bases__)
print(issubclass(A, object), isinstance(A(), object), [k.__name__ for k in object.__mro__])
