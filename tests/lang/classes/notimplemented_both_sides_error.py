# When both sides return NotImplemented the operator raises TypeError.
class Apple:
    def __add__(self, o):
        return NotImplemented
class Orange:
    def __radd__(self, o):
        return NotImplemented
print("adding")
Apple() + Orange()
