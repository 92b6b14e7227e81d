# bisect functions honour lo/hi bounds and key=; insort keeps a list sorted.
import bisect
s = [1, 2, 2, 2, 5, 8]
print(bisect.bisect_left(s, 2), bisect.bisect_right(s, 2), bisect.bisect(s, 2, 0, 3), bisect.bisect_left(s, 2, 4))
records = [("a", 1), ("b", 3), ("c", 7)]
print(bisect.bisect(records, 4, key=lambda r: r[1]))
bisect.insort(records, ("d", 5), key=lambda r: r[1])
print(records)
t = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort_left(t, x)
print(t)
try:
    bisect.bisect_left(s, 1, -1)
except ValueError as e:
    print(e)
