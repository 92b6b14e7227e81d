# Small ints overflow into big ints in the middle of a compiled loop: the
# overflow guard leaves the trace and the interpreter makes the big int.
# jit-flags: --jit-param hotloop=3
# expect: compiled >= 1
# expect: exits >= 1
def grow(n):
    x = 1
    for i in range(n):
        x = x * 3 + 1
    return x
print(grow(10))
print(grow(100))
a = 2 ** 46
b = 0
for i in range(10):
    b = a + a * i
print(b)
k = -(2 ** 47) + 5
for i in range(10):
    k = k - 1
print(k)
