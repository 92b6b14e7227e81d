# gc.disable, gc.enable and gc.isenabled.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
data = [[i] for i in range(1000)]
print(len(data), data[999])
gc.enable()
print(gc.isenabled())
gc.disable()
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
