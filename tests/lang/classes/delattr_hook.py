# __delattr__ intercepts attribute deletion.
class Guard:
    def __delattr__(self, name):
        if name == "keep":
            print("refusing to delete", name)
            return
        print("deleting", name)
        object.__delattr__(self, name)
g = Guard()
g.keep = 1
g.tmp = 2
del g.keep
del g.tmp
print(sorted(vars(g)))
