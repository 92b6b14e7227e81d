# Module docstrings become __doc__; __file__ names the source file.
import geometry_mod
import counter_mod
print(geometry_mod.__doc__)
print(counter_mod.__doc__)
print(geometry_mod.__file__.endswith("geometry_mod.py"))
