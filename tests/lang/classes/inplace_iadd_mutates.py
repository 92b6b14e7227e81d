# __iadd__ mutates in place and keeps the object's identity.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Acc()
alias = a
a += 1
a += 2
print(a is alias, alias.items)
