# A generator can catch errors raised by its own work between yields.
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
print(list(safe_div([(1, 2), (3, 0), (9, 3)])))
