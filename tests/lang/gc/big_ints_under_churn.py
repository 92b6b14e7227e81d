# Big ints allocated in a loop keep their values across collections.
import gc
keep = []
x = 2 ** 100
for i in range(300):
    x = x * 3 + i
    if i % 30 == 0:
        keep.append(x)
        gc.collect()
print(len(keep))
print(keep[0] % 1000003, keep[-1] % 1000003)
print(len(str(x)))
