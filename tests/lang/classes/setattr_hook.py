# __setattr__ intercepts every attribute assignment.
class Logged:
    def __init__(self):
        self.x = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
l = Logged()
l.y = 5
print(l.x, l.y)
