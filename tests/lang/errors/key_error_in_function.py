# A KeyError raised inside nested calls.
def lookup(d, k):
    return d[k]
def outer():
    return lookup({1: "a"}, 42)
outer()
