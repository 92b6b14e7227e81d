# Helper module for the modules_import tests; not a test itself.
print("greet_mod is being imported, __name__ =", __name__)
GREETING = "hello"
def greet(name):
    return GREETING + ", " + name
def shout(name):
    return greet(name).upper()
