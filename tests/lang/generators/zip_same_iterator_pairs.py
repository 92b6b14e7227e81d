# Passing one iterator twice to zip groups items in pairs.
it = iter(range(6))
print(list(zip(it, it)))
words = iter("a b c d e".split())
print(list(zip(words, words)), list(words))
