# object.__format__ uses str() for an empty spec and rejects others.
class Plain:
    def __str__(self):
        return "plain"
p = Plain()
print(f"{p}", format(p), "{}".format(p), f"{p!s:>8}|")
try:
    f"{p:>8}"
except TypeError as e:
    print(e)
