# Helper: imports chain_b_mod, which imports chain_c_mod.
import chain_b_mod
A = "a+" + chain_b_mod.B
