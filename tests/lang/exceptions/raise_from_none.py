# raise ... from None hides the context but keeps __context__.
try:
    try:
        int("abc")
    except ValueError:
        raise TypeError("needs a number") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
