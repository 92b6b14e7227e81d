# repr() picks quotes the way CPython does.
print(repr("abc"))
print(repr("it's"))
print(repr('say "hi"'))
print(repr("both ' and \""))
print(repr(""))
print(repr("'"))
print(repr('"'))
print(repr("a\\b"))
