# _replace returns a modified copy; _asdict returns a dict.
from collections import namedtuple
Car = namedtuple("Car", "make model year", defaults=[2020])
c = Car("vw", "golf")
print(c, repr(c))
c2 = c._replace(year=1999, model="polo")
print(c2, c, c._asdict(), c2._asdict()["year"])
print(Car._field_defaults, sorted([Car("b", "x", 1), Car("a", "y", 2)]))
