# A small program split across modules: main script using two helpers.
import counter_mod
from geometry_mod import Circle, Square, total_area
shapes = []
for size in [1, 2, 3]:
    shapes.append(Square(size))
    counter_mod.bump()
shapes.append(Circle(2))
counter_mod.bump()
print("shapes:", counter_mod.count, "total area:", total_area(shapes))
