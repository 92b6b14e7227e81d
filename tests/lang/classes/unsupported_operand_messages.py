# TypeError messages for unsupported binary operators between instances.
class A: pass
class B: pass
tests = [
    lambda: A() - B(), lambda: A() * 2, lambda: 2 ** A(), lambda: A() @ B(),
    lambda: A() << 1, lambda: A() & A(), lambda: "s" + A(), lambda: -A(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
