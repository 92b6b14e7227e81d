# Attribute lookup walks instance, class, then base classes.
class A:
    x = "A.x"
    y = "A.y"
    z = "A.z"
class B(A):
    y = "B.y"
    z = "B.z"
class C(B):
    z = "C.z"
c = C()
print(c.x, c.y, c.z)
c.z = "instance z"
print(c.z, C.z)
del c.z
print(c.z)
