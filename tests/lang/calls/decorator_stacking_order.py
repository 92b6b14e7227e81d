# Stacked decorators apply bottom-up and run top-down.
def tag(label):
    def deco(fn):
        print("decorating with", label)
        def wrapper():
            return f"<{label}>" + fn() + f"</{label}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hi"
print(text())
