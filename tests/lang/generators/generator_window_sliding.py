# A sliding-window generator built on a list buffer.
def windows(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(windows(range(6), 3)))
print([sum(w) / 2 for w in windows([1, 3, 5, 7], 2)])
