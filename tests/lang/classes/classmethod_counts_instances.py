# Class-level state managed through classmethods, separate per subclass.
class Tracked:
    count = 0
    def __init__(self):
        type(self).count += 1
    @classmethod
    def total(cls):
        return cls.__name__ + "=" + str(cls.count)
class Sub(Tracked):
    count = 0
Tracked(); Tracked(); Sub()
print(Tracked.total(), Sub.total())
