# f(*seq, **mapping) unpacks arguments at the call site.
def describe(name, age, city="?"):
    return f"{name}, {age}, {city}"
args = ["ann", 30]
kwargs = {"city": "Oslo"}
print(describe(*args), describe(*args, **kwargs))
print(describe(**{"age": 5, "name": "bo"}), describe("cy", **{"age": 9}))
print(describe(*("dee",), *[41]))
