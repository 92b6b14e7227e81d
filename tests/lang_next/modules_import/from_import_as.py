# from m import a as b renames the imported attribute.
from greet_mod import greet as hello, shout as yell
print(hello("a"), yell("b"))
