# time's clocks return floats (and ints for *_ns); sleep rejects bad arguments.
import time
print(type(time.time()).__name__, type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
a = time.perf_counter_ns()
b = time.perf_counter_ns()
print(b >= a, time.process_time() >= 0, time.time_ns() > 1600000000 * 10**9)
for arg in [-1, "a"]:
    try:
        time.sleep(arg)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
