# An uncaught exception defined in a module is printed with the module name.
import errors_mod
try:
    errors_mod.fail("first")
except errors_mod.ModError as e:
    print("caught", e, type(e).__module__)
errors_mod.fail("second")
