# dict.fromkeys with and without a value.
print(dict.fromkeys(["a", "b"]))
print(dict.fromkeys("xyz", 0))
print(dict.fromkeys(range(3), "v"))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
