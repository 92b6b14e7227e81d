# __missing__ in a dict subclass supplies values for absent keys.
class Defaulting(dict):
    def __missing__(self, key):
        print("missing", key)
        return len(key)
d = Defaulting(a=1)
print(d["a"], d["hello"], d.get("zz", "get ignores missing"), "hello" in d)
class Auto(dict):
    def __missing__(self, key):
        self[key] = v = []
        return v
a = Auto()
a["x"].append(1)
a["x"].append(2)
print(a)
