# Inherited classmethods bind the subclass; staticmethods bind nothing.
class Base:
    @classmethod
    def who(cls):
        return cls.__name__
    @staticmethod
    def const():
        return 42
class Child(Base):
    pass
print(Base.who(), Child.who(), Child().who(), Child.const(), Child().const())
