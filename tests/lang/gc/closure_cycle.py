# A recursive closure refers to itself through its cell.
import gc
def make(k):
    def countdown(n):
        if n == 0:
            return k
        return countdown(n - 1)
    return countdown
total = 0
for i in range(500):
    f = make(i)
    total += f(5)
    if i % 100 == 0:
        gc.collect()
print(total)
f = None
gc.collect()
print("done")
