# A parameterized class decorator.
def tag(label):
    def deco(cls):
        cls.label = label
        return cls
    return deco
@tag("model")
class User:
    pass
@tag("view")
class Page(User):
    pass
print(User.label, Page.label, User().label)
