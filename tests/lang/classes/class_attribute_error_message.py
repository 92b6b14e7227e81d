# Missing attributes on classes and builtins.
class Point:
    pass
for obj, name in [(Point, "x"), (5, "foo"), ("s", "bar"), (None, "baz")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
