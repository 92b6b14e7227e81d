# Cooperative methods pass keyword arguments along the MRO.
class Base:
    def __init__(self, **kw):
        self.extra = sorted(kw)
class Named(Base):
    def __init__(self, name=None, **kw):
        self.name = name
        super().__init__(**kw)
class Aged(Base):
    def __init__(self, age=0, **kw):
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    pass
p = Person(name="ann", age=30, city="x")
print(p.name, p.age, p.extra)
print([c.__name__ for c in Person.__mro__])
