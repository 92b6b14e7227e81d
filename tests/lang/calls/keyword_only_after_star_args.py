# Parameters after *args are keyword-only.
def join(*parts, sep=" ", end=""):
    return sep.join(parts) + end
print(join("a", "b"), join("a", "b", sep="-"), join("x", end="!"))
