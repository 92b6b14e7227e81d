# A simple decorator wraps a function.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    return wrapper
@shout
def greet(name, greeting="hello"):
    return f"{greeting} {name}"
print(greet("ann"), greet("bob", greeting="hi"), greet.__name__)
