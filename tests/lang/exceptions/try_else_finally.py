# else runs when no exception occurs; finally always runs.
def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("caught")
        return "from except"
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally", x)
print(f(2))
print(f(0))
