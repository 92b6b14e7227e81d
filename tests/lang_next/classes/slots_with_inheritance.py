# A subclass without __slots__ gets a __dict__ again.
class Base:
    __slots__ = ("a",)
class Free(Base):
    pass
class Strict(Base):
    __slots__ = ("b",)
f = Free()
f.a = 1
f.anything = 2
print(f.a, f.anything)
s = Strict()
s.a, s.b = 3, 4
print(s.a, s.b)
try:
    s.c = 5
except AttributeError:
    print("no c on Strict")
