# Slicing syntax passes a slice object to __getitem__.
class Show:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return ("index", key)
s = Show()
print(s[1])
print(s[1:5])
print(s[::2])
print(s[:-1:3])
print(s[1, 2])
print(s["k"])
