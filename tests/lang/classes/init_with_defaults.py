# __init__ with default and keyword arguments.
class Config:
    def __init__(self, name, debug=False, level=1):
        self.name = name
        self.debug = debug
        self.level = level
    def show(self):
        return f"{self.name}:{self.debug}:{self.level}"
print(Config("a").show())
print(Config("b", True).show())
print(Config("c", level=5).show())
print(Config(level=2, name="d").show())
