# A failing assert whose message is not a string.
assert 1 > 2, [1, 2]
