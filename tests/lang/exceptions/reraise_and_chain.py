# Re-raising and exception chaining.
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as v:
    print(v, type(v.__cause__).__name__)
def g():
    try:
        [].pop()
    except IndexError:
        print("logging and re-raising")
        raise
try:
    g()
except IndexError as e:
    print("outer got", e)
