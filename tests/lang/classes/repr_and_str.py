# str() uses __str__ and falls back to __repr__; containers use __repr__.
class Both:
    def __repr__(self): return "Both()"
    def __str__(self): return "both!"
class OnlyRepr:
    def __repr__(self): return "OnlyRepr<1>"
b, o = Both(), OnlyRepr()
print(b, o)
print(str(b), repr(b), str(o))
print([b, o], (b,), {"k": b})
print(f"{b} {b!r} {o}", "%s %r" % (b, b))
