# Module functions use the module's globals, not the importer's.
import globals_mod
from globals_mod import scale
factor = 100
print(scale(2))
globals_mod.set_factor(10)
print(scale(2), globals_mod.factor, factor)
globals_mod.factor = 0
print(scale(5))
