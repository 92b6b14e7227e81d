# Deleting a missing attribute raises AttributeError.
class T:
    pass
t = T()
t.a = 1
del t.a
del t.a
