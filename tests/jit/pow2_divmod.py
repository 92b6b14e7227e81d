# Floor division and modulo of ints by a constant power of two compile to a
# shift and a mask (exact for negative operands too); the helper calls they
# replace were pure, so loads around them stay hoisted out of loops.
# expect: compiled >= 1
def mix(n):
    acc = 0
    out = []
    for i in range(-n, n):
        q = i // 8
        r = i % 8
        h = (i * 12345) // 1
        acc += q * 3 + r - (i // 2) + (i % 2) + h % 1024 - (h // 4096)
        if i % 97 == 0:
            out.append((i, q, r, i // 64, i % 64))
    return acc, out[:4], out[-3:]


print(mix(5000))
print(mix(70000)[0])
