# Indexing and slicing big ranges give exact big results; bounds are checked exactly.
B = 10 ** 20
r = range(B)
print(r[0], r[-1], r[B - 1], r[-B], r[12345], r[True])
for k in [B, -B - 1, 10 ** 30, -10 ** 30]:
    try:
        r[k]
    except IndexError as e:
        print("IndexError:", e)
print(r[::-1], r[::2], r[5:10 ** 19:10 ** 18])
print(r[-10 ** 30:10 ** 30], r[-5:], r[:-5], r[10 ** 30:], r[::-10 ** 30])
print(range(0, B, 7)[3::5], range(B, -B, -9)[::10 ** 19])
print(range(0, 10, 3)[::10 ** 20], range(0, 10, 3)[::-10 ** 20], range(5)[::2 ** 40])
print(range(0, 2 ** 64, 2 ** 62)[2], range(10)[-2 ** 63:2 ** 63:2 ** 62])
try:
    r[1:2:0]
except ValueError as e:
    print("ValueError:", e)
try:
    r["a"]
except TypeError as e:
    print("TypeError:", e)
