# The default repr contains the class name and an address (never printed).
class Thing:
    pass
r = repr(Thing())
print(r.startswith("<__main__.Thing object at 0x"), r.endswith(">"))
t = Thing()
print(str(t) == repr(t), repr(t) == repr(t))
print(repr(Thing).replace("'", '"'))
