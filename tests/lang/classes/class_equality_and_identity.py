# Classes compare by identity; instances can be compared to their class.
class A: pass
class B(A): pass
print(A == A, A == B, A is not B, type(B()) == B, type(B()) == A)
print(B.__base__ is A, A.__base__ is object)
