# After an inner handler finishes, bare raise refers to the outer exception.
try:
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            print("inner handled")
        raise
except KeyError as e:
    print("re-raised", repr(e))
