# Messages of frequent built-in errors.
cases = [
    lambda: int("12a"), lambda: [].pop(), lambda: [1].index(5), lambda: "abc".index("z"),
    lambda: "a" + 1, lambda: 1 + "a", lambda: len(5), lambda: None.attr,
    lambda: undefined_name, lambda: (1, 2)[5], lambda: float("x"), lambda: [1, 2][1:2][3],
    lambda: {}.popitem(), lambda: int(None), lambda: "x" * 1.5, lambda: ord("ab"),
]
for f in cases:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
