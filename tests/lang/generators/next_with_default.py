# next(it, default) returns the default instead of raising.
it = iter([])
print(next(it, None), next(iter("a"), "z"))
gen = (x for x in [] if x)
print(next(gen, "no items"))
