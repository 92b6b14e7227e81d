# assert with a true condition does nothing.
assert True
assert 1 == 1, "never shown"
assert [1]
x = 5
assert x > 0 and x < 10, "x out of range"
print("all asserts passed")
