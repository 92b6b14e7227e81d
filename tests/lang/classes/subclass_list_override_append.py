# Overriding a list method in a subclass.
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x * 10)
l = Logged()
l.append(1)
l.append(2)
print(l, sum(l))
