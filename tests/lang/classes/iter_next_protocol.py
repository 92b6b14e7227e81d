# A class implementing __iter__ and __next__.
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "end"))
for x in Countdown(3):
    print(x, end=" ")
print()
