# time functions are only called; values are compared, never printed.
import time
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
time.sleep(0.001)
t2, p2, m2 = time.time(), time.perf_counter(), time.monotonic()
print(type(t1).__name__, type(p1).__name__, type(m1).__name__)
print(t2 >= t1, p2 > p1, m2 >= m1, t1 > 1600000000)
print(type(time.time_ns()).__name__, time.sleep(0))
