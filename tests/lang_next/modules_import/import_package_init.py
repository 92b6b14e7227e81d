# Importing a package runs its __init__ and exposes what it imports.
import sys
sys.path.insert(0, "modules")
import mathpkg
print(mathpkg.VERSION, mathpkg.add(2, 3), mathpkg.__name__)
import mathpkg.ops
print(mathpkg.ops.mul(4, 5), mathpkg.ops.__name__)
