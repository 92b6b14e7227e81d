# Parameters with default values.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Yo", "?"))
def f(a, b=2, c=1 + 2):
    return a + b + c
print(f(1), f(1, 1), f(1, 1, 1))
