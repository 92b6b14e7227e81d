# Imported modules are registered in sys.modules.
import sys
print("counter_mod" in sys.modules)
import counter_mod
print("counter_mod" in sys.modules, sys.modules["counter_mod"] is counter_mod)
import math
print("math" in sys.modules, sys.modules["math"] is math, type(sys.modules).__name__)
