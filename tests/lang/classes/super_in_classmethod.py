# super() works inside classmethods and passes the subclass as cls.
class Base:
    @classmethod
    def make(cls):
        return cls.__name__ + " made by Base"
class Child(Base):
    @classmethod
    def make(cls):
        return "Child wraps: " + super().make()
class Grand(Child):
    pass
print(Child.make())
print(Grand.make())
