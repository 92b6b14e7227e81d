# Without __eq__, instances compare equal only to themselves.
class Plain:
    pass
a = Plain()
b = Plain()
print(a == a, a == b, a != b, a is a)
print([a, b].index(b), a in [b], a in [b, a])
