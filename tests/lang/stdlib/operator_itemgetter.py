# itemgetter fetches one or several items.
from operator import itemgetter
rows = [("bob", 25, "x"), ("amy", 31, "y"), ("cal", 25, "a")]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 2)(rows[0]))
print(list(map(itemgetter("k"), [{"k": 1}, {"k": 2}])), itemgetter(slice(1, None))("abc"))
print(sorted(rows, key=itemgetter(1, 0)))
