# Sequence repetitions too large for memory fail with an exception, not a crash.
for make in (lambda: "ab" * 2 ** 62, lambda: [0] * 2 ** 62, lambda: (1, 2) * 2 ** 62, lambda: "x" * 2 ** 70):
    try:
        make()
        print("made")
    except (MemoryError, OverflowError) as e:
        print(type(e) is MemoryError, type(e) is OverflowError, e)
