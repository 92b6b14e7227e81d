# A subclass overrides some methods and inherits others.
class Shape:
    def name(self):
        return "shape"
    def describe(self):
        return "I am a " + self.name()
class Square(Shape):
    def name(self):
        return "square"
print(Shape().describe(), Square().describe())
print(Square.describe is Shape.describe, Square.name is Shape.name)
