# An import inside a function binds a local name.
def use():
    import greet_mod as local_g
    return local_g.greet("inner")
print(use())
print("local_g" in dir())
import sys
print("greet_mod" in sys.modules)
