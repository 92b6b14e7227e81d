# A subclass can override a property.
class Base:
    @property
    def value(self):
        return 1
class Child(Base):
    @property
    def value(self):
        return 2
print(Base().value, Child().value)
