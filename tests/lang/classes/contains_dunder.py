# __contains__ implements the in and not in operators.
class EvenNumbers:
    def __contains__(self, x):
        print("checking", x)
        return x % 2 == 0
e = EvenNumbers()
print(4 in e, 3 in e, 3 not in e)
