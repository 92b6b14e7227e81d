# Helper: imports cyc_two_mod, which imports this module back.
print("cyc_one start")
X = "one's X"
import cyc_two_mod
Y = "one's Y, two has " + cyc_two_mod.Z
print("cyc_one end")
