# Classes defined in a module are used from the importer.
import geometry_mod
from geometry_mod import Square
shapes = [geometry_mod.Circle(1), Square(3)]
print([s.area() for s in shapes], geometry_mod.total_area(shapes))
print(type(shapes[1]).__module__, Square.__qualname__, isinstance(shapes[0], geometry_mod.Circle))
print(geometry_mod.math.floor(2.5))
