# TypeError messages when hashing unhashable objects.
class E:
    def __eq__(self, o):
        return True
for v in [E(), [1], {}]:
    try:
        hash(v)
    except TypeError as e:
        print(e)
