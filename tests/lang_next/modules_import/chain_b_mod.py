# Helper: imported by chain_a_mod.
import chain_c_mod
print("chain_b_mod loading")
B = "b+" + chain_c_mod.C
