# Keyword arguments may come in any order.
def box(width, height, depth):
    return width * 100 + height * 10 + depth
print(box(1, 2, 3), box(depth=3, width=1, height=2), box(1, depth=3, height=2))
