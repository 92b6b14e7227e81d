# A class defined in a function can use the enclosing function's variables.
def make_class(prefix):
    class Tagged:
        def tag(self, s):
            return prefix + s
    return Tagged
A = make_class("a:")
B = make_class("b:")
print(A().tag("x"), B().tag("y"), A is B)
