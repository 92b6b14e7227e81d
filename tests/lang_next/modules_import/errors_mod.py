# Helper: defines an exception class in a module.
class ModError(Exception):
    pass
def fail(msg):
    raise ModError(msg)
