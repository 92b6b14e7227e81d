# Helper: raises while being imported.
print("broken_mod starts")
VALUE = 1
raise ZeroDivisionError("broken_mod cannot finish")
