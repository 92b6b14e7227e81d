# __bool__ and __len__ must return proper types.
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
try:
    len(BadLen())
except ValueError as e:
    print(e)
