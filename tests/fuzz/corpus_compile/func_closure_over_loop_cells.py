# Each call gets fresh cells for its closures.
def make(n):
    values = []
    def push(v):
        values.append(v * n)
        return values
    return push
p2 = make(2)
p3 = make(3)
p2(1)
p3(1)
print(p2(5), p3(5))
