# str.format with automatic, numbered and keyword fields.
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bob", age=7))
print("{0} {x}".format(1, x=2))
print("{{}} {}".format("literal braces"))
print("{}".format([1, 2]))
print("{!r} {!s}".format("q", "q"))
print("{0!r:>8}|".format("q"))
