# Importing helpers from the modules/ folder.
from modules import shapes
import modules.shapes as sh
print(shapes.area("square", 3), sh.area("rect", 2, 5))
print(shapes is sh)
