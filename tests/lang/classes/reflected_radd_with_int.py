# __radd__ is used when the left operand does not support the operation.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", o)
        return self + o
    def __repr__(self):
        return f"Money({self.cents})"
print(Money(5) + 3, 3 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
