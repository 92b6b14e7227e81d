# A bound method remembers its instance; its repr is not printed.
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self, punct="!"):
        return "hello " + self.name + punct
g = Greeter("ann")
m = g.hello
print(m(), m("?"))
print(m.__self__ is g, m.__func__ is Greeter.hello, m.__name__)
g.name = "bob"
print(m())
print(type(m).__name__, type(Greeter.hello).__name__)
