# Assigning attributes on a module object from outside.
import counter_mod
counter_mod.extra = "added later"
counter_mod.count = 40
print(counter_mod.extra, counter_mod.bump(2))
del counter_mod.extra
print(hasattr(counter_mod, "extra"))
