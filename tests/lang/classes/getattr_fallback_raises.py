# __getattr__ raising AttributeError makes getattr use the default.
class Limited:
    def __getattr__(self, name):
        if name.startswith("ok_"):
            return name[3:]
        raise AttributeError(f"{type(self).__name__} has no {name}")
l = Limited()
print(l.ok_fine, getattr(l, "bad", "default"), hasattr(l, "bad"))
try:
    l.bad
except AttributeError as e:
    print(e)
