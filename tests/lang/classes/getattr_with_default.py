# getattr with and without a default.
class O:
    a = 1
    def __init__(self):
        self.b = 2
o = O()
print(getattr(o, "a"), getattr(o, "b"), getattr(o, "c", "dflt"), getattr(o, "c", None))
name = "up" + "per"
print(getattr("abc", name)())
try:
    getattr(o, "missing")
except AttributeError as e:
    print(e)
