# methodcaller calls a named method with fixed arguments.
from operator import methodcaller
up = methodcaller("upper")
split_comma = methodcaller("split", ",")
print(up("abc"), split_comma("a,b,c"), methodcaller("replace", "a", "o")("banana"))
print(list(map(methodcaller("count", "s"), ["mississippi", "sun", "x"])))
