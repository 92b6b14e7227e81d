# itemgetter, attrgetter and methodcaller show their arguments in their repr.
from operator import itemgetter, attrgetter, methodcaller
print(itemgetter(1), itemgetter(0, "k"), attrgetter("a.b", "c"), methodcaller("split", ",", maxsplit=1))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)), itemgetter(0, 2)("xyz"), itemgetter(slice(1, None))([1, 2, 3]))
print(methodcaller("split", "-")("a-b-c"), methodcaller("upper")("q"))
