# An uncaught failing assert.
items = [3, 1, 2]
assert sorted(items) == [1, 2, 3], "sorting works"
assert len(items) == 4, f"expected 4 items, got {len(items)}"
