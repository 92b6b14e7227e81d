# Returning from an except block still runs finally.
def f(x):
    try:
        return 10 / x
    except ZeroDivisionError:
        return "inf"
    finally:
        print("finally for", x)
print(f(4), f(0))
