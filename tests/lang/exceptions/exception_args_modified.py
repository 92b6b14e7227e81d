# Exception args can be inspected and the exception re-raised with new ones.
try:
    try:
        raise ValueError("low level")
    except ValueError as e:
        e.args = ("high level: " + e.args[0],)
        raise
except ValueError as e:
    print(e)
