# itertools constructors check their arguments at once, with CPython's messages.
import itertools
cases = [
    lambda: itertools.count("a"), lambda: itertools.repeat(1, "a"), lambda: itertools.permutations([1], "a"),
    lambda: itertools.combinations([1], -1), lambda: itertools.product([1], repeat=-1),
    lambda: itertools.cycle(3), lambda: itertools.accumulate(3), lambda: itertools.tee([], -1),
    lambda: itertools.zip_longest([], 3), lambda: itertools.islice([1]),
]
for case in cases:
    try:
        case()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
