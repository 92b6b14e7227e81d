# import binds the module; attributes are accessed with a dot.
import greet_mod
print(greet_mod.greet("ann"), greet_mod.GREETING, greet_mod.shout("bo"))
print(type(greet_mod).__name__, greet_mod.__name__)
