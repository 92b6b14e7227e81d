# A staticmethod takes no self and is callable through class and instance.
class MathUtil:
    @staticmethod
    def add(a, b):
        return a + b
    def use(self):
        return self.add(1, 2) + MathUtil.add(3, 4)
print(MathUtil.add(2, 3), MathUtil().add(4, 5), MathUtil().use())
f = MathUtil.add
print(f(10, 20), type(MathUtil.__dict__["add"]).__name__)
