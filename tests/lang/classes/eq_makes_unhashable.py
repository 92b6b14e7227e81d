# Defining __eq__ without __hash__ sets __hash__ to None.
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return self.x == o.x
print(Point.__hash__ is None)
s = {Point(1)}
