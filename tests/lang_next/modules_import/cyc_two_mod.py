# Helper: part of an import cycle with cyc_one_mod.
print("cyc_two start")
import cyc_one_mod
Z = "Z, saw " + cyc_one_mod.X + ", has Y: " + str(hasattr(cyc_one_mod, "Y"))
print("cyc_two end")
