# Structural pattern matching.
def describe(v):
    match v:
        case 0:
            return "zero"
        case [x, y]:
            return "pair " + str(x + y)
        case {"k": val}:
            return "dict " + str(val)
        case int() if v < 0:
            return "negative"
        case _:
            return "other"
for v in [0, [1, 2], {"k": 9}, -3, "s"]:
    print(describe(v))
