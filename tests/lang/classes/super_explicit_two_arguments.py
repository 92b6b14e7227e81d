# super(Class, obj) skips past the named class in the MRO.
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B"
class C(B):
    def f(self):
        return "C"
c = C()
print(c.f(), super(C, c).f(), super(B, c).f())
