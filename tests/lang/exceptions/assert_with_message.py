# assert raises AssertionError with the optional message.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(3))
try:
    check(-2)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
