# **kwargs collects extra keyword arguments in call order.
def f(**kw):
    return kw, type(kw).__name__
print(f())
print(f(z=1, a=2, m=3))
def tag(name, **attrs):
    inner = " ".join(f'{k}="{v}"' for k, v in attrs.items())
    return f"<{name} {inner}>" if inner else f"<{name}>"
print(tag("a", href="x.html", id="top"), tag("br"))
