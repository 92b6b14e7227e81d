# Helper: bottom of the import chain.
print("chain_c_mod loading")
C = "c"
