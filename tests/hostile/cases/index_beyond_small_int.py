# Subscripts with ints beyond the small-int range and beyond 64 bits:
# IndexError with CPython's message ("... index out of range" when the index
# fits a C ssize_t, "cannot fit 'int' into an index-sized integer" otherwise).
class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


cases = [
    ("'abc'[2**63-1]", lambda: "abc"[2 ** 63 - 1]),
    ("'abc'[2**63]", lambda: "abc"[2 ** 63]),
    ("'abc'[-2**63]", lambda: "abc"[-(2 ** 63)]),
    ("'abc'[-2**63-1]", lambda: "abc"[-(2 ** 63) - 1]),
    ("'abc'[2**47]", lambda: "abc"[2 ** 47]),
    ("'abc'[-2**47-1]", lambda: "abc"[-(2 ** 47) - 1]),
    ("'abc'[2**50]", lambda: "abc"[2 ** 50]),
    ("'h\u00e9llo'[2**62]", lambda: "h\u00e9llo"[2 ** 62]),
    ("(1,2)[2**63-1]", lambda: (1, 2)[2 ** 63 - 1]),
    ("(1,2)[2**63]", lambda: (1, 2)[2 ** 63]),
    ("(1,2)[-2**63]", lambda: (1, 2)[-(2 ** 63)]),
    ("[1][2**63-1]", lambda: [1][2 ** 63 - 1]),
    ("[1][2**63]", lambda: [1][2 ** 63]),
    ("[1][-2**63]", lambda: [1][-(2 ** 63)]),
    ("range(3)[2**63-1]", lambda: range(3)[2 ** 63 - 1]),
    ("(1,2)[Idx(2**62)]", lambda: (1, 2)[Idx(2 ** 62)]),
    ("(1,2)[Idx(2**63)]", lambda: (1, 2)[Idx(2 ** 63)]),
    ("(1,2)[Idx(-2**63)]", lambda: (1, 2)[Idx(-(2 ** 63))]),
    ("[1][Idx(2**63-1)]", lambda: [1][Idx(2 ** 63 - 1)]),
    ("[1][Idx(2**64)]", lambda: [1][Idx(2 ** 64)]),
]
for text, f in cases:
    try:
        print(text, f())
    except Exception as e:
        print(text, type(e).__name__, e)

# In a hot loop (in a function, so that the JIT compiles it): the trace's
# subscript sees the huge index after running with small ones.
def probe(s, n):
    hits = 0
    last = ""
    for i in range(n):
        k = i % 6 if i < 250 else 2 ** 63 - 1 - i
        try:
            s[k]
            hits += 1
        except IndexError as e:
            last = str(e)
    return hits, last


print(probe("abcdef", 300))
print(probe("h\u00e9llo!", 300))
print(probe((1, 2, 3, 4, 5, 6), 300))
print("abc"[2 ** 63 - 1])
