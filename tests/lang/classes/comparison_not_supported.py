# Ordering instances without comparison methods raises TypeError.
class Box:
    pass
print(Box() == Box())
print(Box() < Box())
