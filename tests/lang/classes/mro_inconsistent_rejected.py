# A class whose bases cannot be linearized is rejected with TypeError.
class X: pass
class Y(X): pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print(type(e).__name__, "MRO" in str(e))
class W(Y, X):
    pass
print([c.__name__ for c in W.__mro__])
