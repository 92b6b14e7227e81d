# gc.collect returns an int; its value is not deterministic, so print only its type.
import gc
n = gc.collect()
print(type(n))
print(n >= 0)
print(type(gc.collect()))
