# import m as n binds the module under another name.
import greet_mod as g
print(g.greet("x"), g.__name__)
print("greet_mod" in dir(), "g" in dir())
