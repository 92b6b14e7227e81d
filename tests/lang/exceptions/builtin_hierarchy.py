# Parts of the built-in exception hierarchy.
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)
for cls in [ZeroDivisionError, KeyError, FileNotFoundError, ModuleNotFoundError,
            UnboundLocalError, RecursionError, StopIteration, KeyboardInterrupt, NotImplementedError]:
    print(chain(cls))
