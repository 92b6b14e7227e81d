# A user __getitem__ raising KeyError behaves like a dict.
class Registry:
    def __init__(self):
        self._d = {"a": 1}
    def __getitem__(self, k):
        return self._d[k]
r = Registry()
print(r["a"])
try:
    r["b"]
except KeyError as e:
    print("KeyError", e)
print(r["zzz"])
