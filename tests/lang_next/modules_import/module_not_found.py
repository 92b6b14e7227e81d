# Importing a module that does not exist.
print("importing")
import nope
