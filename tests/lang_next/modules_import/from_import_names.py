# from m import a, b binds the named attributes directly.
from greet_mod import greet, GREETING
print(greet("zed"), GREETING)
print("greet_mod" in dir())
