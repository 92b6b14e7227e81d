# An exception not matched by the inner try goes to the outer one.
def check(v):
    try:
        try:
            if v == 1:
                raise KeyError("k")
            if v == 2:
                raise TypeError("t")
            return "no error"
        except KeyError:
            return "inner caught KeyError"
        finally:
            print("inner finally", v)
    except TypeError:
        return "outer caught TypeError"
for v in range(3):
    print(check(v))
