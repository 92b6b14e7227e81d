# iter(callable, sentinel) calls until the sentinel is returned.
values = [3, 1, 4, 0, 5]
pos = 0
def read():
    global pos
    pos += 1
    return values[pos - 1]
print(list(iter(read, 0)))
print(pos)
