# A class decorator receives the class and can modify or register it.
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def add_greeting(cls):
    cls.greet = lambda self: "hi from " + type(self).__name__
    return cls
@register
@add_greeting
class Alpha:
    pass
@register
class Beta:
    pass
print(registry, Alpha().greet(), hasattr(Beta, "greet"))
