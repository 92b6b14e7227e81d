# any() and all() stop consuming a generator early.
def checked(values):
    for v in values:
        print("check", v)
        yield v
print(any(checked([0, 0, 5, 7])))
print(all(checked([1, 0, 3])))
