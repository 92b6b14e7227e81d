# A __repr__ that calls repr(self): RecursionError, not a crash.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"


print("before")
print(Loop())
