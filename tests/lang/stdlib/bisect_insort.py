# insort keeps a list sorted while inserting.
import bisect
a = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(a, x)
print(a)
bisect.insort_left(a, 4)
bisect.insort_right(a, 2)
print(a)
names = ["bob", "dan"]
bisect.insort(names, "cat")
print(names)
