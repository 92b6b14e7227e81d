# repr/str of empty, plain, frozen and nested sets.
print(repr(set()), repr(frozenset()))
print({1}, str({2}), repr({3}))
print(frozenset({1, 2}))
print({frozenset({1}), 2})
print([{1}, frozenset()], ({4},))
print(f"{ {5} } {frozenset([6])!r}")
