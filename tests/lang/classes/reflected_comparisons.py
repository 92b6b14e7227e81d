# a < b falls back to b > a when a's __lt__ is missing.
class Left:
    pass
class Right:
    def __gt__(self, o):
        print("Right.__gt__")
        return True
    def __le__(self, o):
        print("Right.__le__")
        return False
    def __eq__(self, o):
        print("Right.__eq__")
        return True
print(Left() < Right())
print(Left() >= Right())
print(Left() == Right())
