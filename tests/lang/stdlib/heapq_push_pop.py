# heappush/heappop keep a min-heap.
import heapq
h = []
for x in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, x)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(len(h))])
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
print(heapq.heappop(tasks), heapq.heappop(tasks))
