# __bool__ controls truthiness in if, while, not, and, or.
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("bool?", self.on)
        return self.on
t, f = Flag(True), Flag(False)
if t:
    print("t is true")
print(not f, bool(f))
r = f or "fallback"
print(r)
print((t and "both").upper())
