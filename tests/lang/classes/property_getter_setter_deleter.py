# A property with getter, setter and deleter.
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None
t = Temperature()
t.celsius = 25
print(t.celsius)
del t.celsius
print(t._c)
