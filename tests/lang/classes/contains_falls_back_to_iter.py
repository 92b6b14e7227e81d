# Without __contains__, "in" iterates using __iter__.
class Three:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
t = Three()
print(2 in t)
print(5 in t)
