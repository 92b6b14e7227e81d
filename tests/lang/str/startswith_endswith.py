# startswith and endswith with strings, tuples and ranges.
s = "hello.py"
print(s.startswith("he"), s.startswith("lo"), s.startswith(""))
print(s.endswith(".py"), s.endswith(".c"))
print(s.endswith((".c", ".py")), s.startswith(("x", "y")))
print(s.startswith("llo", 2), s.startswith("llo", 3))
print(s.endswith("hello", 0, 5))
print("".startswith(""), "".endswith("a"))
