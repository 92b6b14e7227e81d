# heapq functions check their heap argument; nlargest/nsmallest accept key=.
import heapq
data = [5, 1, 8, 3, 9, 2, 7]
print(heapq.nlargest(3, data, key=lambda v: -v), heapq.nsmallest(2, data, key=lambda v: v % 4), heapq.nlargest(0, data), heapq.nsmallest(10, data))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush(None, 1), lambda: heapq.heapify((1,)), lambda: heapq.heapreplace([], 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
