# A module's top level runs only on the first import.
import greet_mod
import greet_mod
import greet_mod as again
from greet_mod import greet
print(again is greet_mod, greet("once"))
