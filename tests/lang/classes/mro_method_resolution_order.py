# Method lookup follows the MRO, not depth-first order.
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(A):
    def who(self):
        return "C"
class D(B, C):
    pass
print(D().who())
print([k.__name__ for k in D.__mro__])
