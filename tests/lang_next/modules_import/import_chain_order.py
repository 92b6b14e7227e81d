# Nested imports run in dependency order, each once.
import chain_a_mod
import chain_b_mod
print(chain_a_mod.A, chain_b_mod.B, chain_a_mod.chain_b_mod is chain_b_mod)
