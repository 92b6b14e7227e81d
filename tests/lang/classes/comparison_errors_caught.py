# TypeError messages for each unsupported ordering operator.
class K:
    pass
for op in ["<", "<=", ">", ">="]:
    try:
        if op == "<": K() < 1
        elif op == "<=": K() <= "s"
        elif op == ">": 1.5 > K()
        else: K() >= K()
    except TypeError as e:
        print(e)
