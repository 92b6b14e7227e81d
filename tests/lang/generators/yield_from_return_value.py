# The value of yield from is the subgenerator's return value.
def sub(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total
def main():
    a = yield from sub(3)
    b = yield from sub(4)
    yield ("totals", a, b)
print(list(main()))
