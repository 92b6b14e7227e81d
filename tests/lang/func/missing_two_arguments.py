# Calling without two required arguments.
def area(width, height):
    return width * height
area()
