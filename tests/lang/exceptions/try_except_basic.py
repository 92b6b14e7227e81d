# try/except catches matching exceptions.
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "error: " + str(e)
print(safe_div(6, 3), safe_div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    int("x")
except ValueError:
    print("bad int")
