# Calling the result of a call directly.
def outer():
    def middle():
        def inner():
            return "innermost"
        return inner
    return middle
print(outer()()())
print((lambda: lambda: 42)()())
