# __name__, __qualname__ and __module__ of classes and methods.
class A:
    def m(self):
        pass
    class B:
        pass
def factory():
    class Local:
        pass
    return Local
print(A.__name__, A.__qualname__, A.__module__)
print(A.m.__name__, A.m.__qualname__)
print(A.B.__qualname__, factory().__qualname__)
print(type(A()).__module__)
