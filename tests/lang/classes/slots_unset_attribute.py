# Reading a declared but unset slot raises AttributeError.
class S:
    __slots__ = ["a", "b"]
s = S()
s.a = 1
print(s.a, hasattr(s, "b"))
del s.a
print(hasattr(s, "a"))
print(S.__slots__)
