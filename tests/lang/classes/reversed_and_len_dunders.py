# reversed() uses __reversed__, or __len__ with __getitem__.
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
class Custom:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Seq())), list(Seq()))
print(list(reversed(Custom())))
