# Chained comparisons evaluate each operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 4 > 3 > 2 > 5)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 == 2 > 1)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(2) < val(3))
print(calls)
calls.clear()
print(val(3) < val(2) < val(1))
print(calls)
print(1 < 3 > 2, "a" < "b" < "c", 1 <= 1 < 2)
print(2 in [1, 2] in [[1, 2]], 1 in [1] == [1])
