# Raising and catching user-defined exceptions.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing " + repr(key))
        self.key = key
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]
try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args)
