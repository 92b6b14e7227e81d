# Lists that reference themselves and each other become garbage together.
import gc
for i in range(300):
    a = [i]
    b = [a]
    a.append(b)
    a.append(a)
print(a[0], b[0][0], a[2] is a)
a = b = None
gc.collect()
survivor = [1, 2, 3]
print(survivor)
