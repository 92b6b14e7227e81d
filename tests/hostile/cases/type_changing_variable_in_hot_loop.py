# A variable whose type changes on every iteration of a hot loop.
values = [1, 2 ** 80, 1.5, "s", [1, 2], (3,), None, True, -7, {"k": 1}]
out = []
for i in range(500):
    v = values[i % len(values)]
    if v is None:
        r = "none"
    elif isinstance(v, (int, float)):
        r = v * 2 + 1
    else:
        r = v * 2 if not isinstance(v, dict) else len(v)
    if i >= 490:
        out.append(r)
print(out)
