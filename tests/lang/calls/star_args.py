# *args collects extra positional arguments.
def f(a, *rest):
    return a, rest
print(f(1), f(1, 2, 3))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3))
vals = [4, 5, 6]
print(total(*vals), f(*"xyz"))
print(*[1, 2, 3], sep="-")
