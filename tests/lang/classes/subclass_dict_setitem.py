# A dict subclass overriding __setitem__ and a custom method.
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def keys_joined(self):
        return ",".join(self)
d = Lower()
d["A"] = 1
d["b"] = 2
d["B"] = 3
print(d, d.keys_joined(), isinstance(d, dict))
