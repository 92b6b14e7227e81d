# heapreplace pops then pushes; heappushpop pushes then pops.
import heapq
h = [1, 5, 3]
heapq.heapify(h)
print(heapq.heapreplace(h, 10), sorted(h))
print(heapq.heappushpop(h, 0), sorted(h))
print(heapq.heappushpop(h, 4), sorted(h))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
