# Names starting with two underscores are mangled with the class name.
class Account:
    def __init__(self):
        self.__secret = 42
        self._hint = "hi"
    def reveal(self):
        return self.__secret
a = Account()
print(a.reveal(), a._Account__secret, a._hint)
print(hasattr(a, "__secret"), sorted(vars(a)))
class Sub(Account):
    def peek(self):
        return hasattr(self, "__secret"), self._Account__secret
print(Sub().peek())
