# Only BaseException subclasses and instances can be raised.
for thing in [42, "text", int]:
    try:
        raise thing
    except TypeError as e:
        print(e)
try:
    try:
        pass
    except 5:
        pass
    print("unused bad except clause is not evaluated")
except TypeError as e:
    print(e)
