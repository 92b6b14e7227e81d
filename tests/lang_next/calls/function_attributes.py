# Functions expose __name__, __qualname__, __defaults__ and __kwdefaults__.
def outer(a, b=1, *, c=2):
    def inner():
        pass
    return inner
print(outer.__name__, outer.__qualname__, outer.__defaults__, outer.__kwdefaults__)
print(outer(0).__qualname__, outer.__code__.co_argcount)
def nodefaults(x):
    pass
print(nodefaults.__defaults__, nodefaults.__kwdefaults__, type(nodefaults).__name__)
