# Factorials grow into big ints.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 20, 21, 25, 50, 100]:
    print(n, fact(n))
print(len(str(fact(300))))
print(fact(30) // fact(28))
