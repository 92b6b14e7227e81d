# Helper module for import tests; not a test itself.
GREETING = "hello from helper"
_calls = 0
def square(x):
    return x * x
def counter():
    global _calls
    _calls += 1
    return _calls
