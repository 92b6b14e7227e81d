# Raising inside an except block sets __context__ automatically.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "<-", type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
