# __str__ on an exception class controls the message.
class Problem(Exception):
    def __str__(self):
        return "problem with " + ", ".join(map(str, self.args))
try:
    raise Problem("a", 1)
except Problem as e:
    print(e, repr(e))
    print(f"{e}", e.args)
