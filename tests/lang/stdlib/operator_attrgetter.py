# attrgetter fetches attributes, including dotted paths.
from operator import attrgetter
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.meta = type("M", (), {"tag": name[0]})()
people = [P("zoe", 30), P("al", 40), P("bea", 30)]
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("meta.tag")(people[0]), attrgetter("name", "age")(people[1]))
