# super() also finds class attributes and properties of the parent.
class Base:
    kind = "base"
    @property
    def label(self):
        return "label:" + self.kind
class Sub(Base):
    kind = "sub"
    @property
    def label(self):
        return super().label.upper() + "/" + super().kind
print(Sub().label, Base().label)
