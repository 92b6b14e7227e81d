# bool() of values.
print(bool(), bool(0), bool(1), bool(-3), bool(0.0), bool(""), bool("0"), bool([]), bool([[]]))
print(bool(None), bool({}), bool(()), bool(range(0)), bool(" "))
print(type(bool(1)), bool(True), bool(False))
