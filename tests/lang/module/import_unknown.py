# Importing a module that does not exist.
import math
print("math ok")
import nosuchmodule_contrail
