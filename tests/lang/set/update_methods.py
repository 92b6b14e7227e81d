# The in-place methods accept any iterables and return None.
s = {1, 2, 3}
print(s.update([4], (5, 6)), s)
print(s.intersection_update(range(2, 6), [2, 3, 4, 99]), s)
print(s.difference_update([2], {3: 0}), s)
print(s.symmetric_difference_update([4, 7, 8]), s)
s.intersection_update()
print(s)
