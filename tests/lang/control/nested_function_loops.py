# Loops inside functions returning from inside nested loops.
def first_pair(total):
    for a in range(total):
        for b in range(total):
            if a + b == total and a * b == 21:
                return a, b
    return None
print(first_pair(10))
print(first_pair(3))
def count_until(limit):
    n = 0
    while True:
        n += 1
        if n * n > limit:
            return n
print(count_until(50))
