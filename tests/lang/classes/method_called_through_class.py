# Calling a method through the class passes the instance explicitly.
class A:
    def f(self, x):
        return (type(self).__name__, x)
a = A()
print(A.f(a, 1), a.f(2))
print(A.f("not an A", 3))
