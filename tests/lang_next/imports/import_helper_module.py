# Importing a helper module that lives beside the test.
import helper_mod
from helper_mod import square, GREETING
print(helper_mod.square(7), square(3), GREETING)
print(helper_mod.counter())
print(helper_mod.counter())
