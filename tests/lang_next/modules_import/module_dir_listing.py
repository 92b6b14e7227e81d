# dir() of a module lists its attributes.
import star_noall_mod
print(sorted(n for n in dir(star_noall_mod) if not n.startswith("__")))
print("__name__" in dir(star_noall_mod), "__doc__" in dir(star_noall_mod))
