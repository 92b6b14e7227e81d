# set.remove of a missing element.
s = {1}
s.remove(1)
s.remove(1)
