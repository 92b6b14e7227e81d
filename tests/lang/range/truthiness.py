# Empty ranges are false.
print(bool(range(0)), bool(range(1)), bool(range(5, 5)), bool(range(5, 0, -1)))
