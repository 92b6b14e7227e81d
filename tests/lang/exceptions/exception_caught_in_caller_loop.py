# A function raising inside a loop stops at the first failure.
def check_all(items):
    for x in items:
        if x < 0:
            raise ValueError(f"negative: {x}")
        print("ok", x)
    return "all ok"
for batch in ([1, 2], [3, -4, 5]):
    try:
        print(check_all(batch))
    except ValueError as e:
        print("failed:", e)
