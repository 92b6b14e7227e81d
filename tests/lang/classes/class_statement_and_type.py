# The class statement creates a type; calling it creates instances of it.
class Empty:
    pass
e = Empty()
print(type(e) is Empty, type(e).__name__, Empty.__name__)
print(type(Empty).__name__, type(type).__name__)
print(Empty, type(3), type("s"))
