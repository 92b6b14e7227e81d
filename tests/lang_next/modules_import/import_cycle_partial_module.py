# In an import cycle the second module sees a partially initialised first one.
import cyc_one_mod
print(cyc_one_mod.Y)
print(cyc_one_mod.cyc_two_mod.Z)
