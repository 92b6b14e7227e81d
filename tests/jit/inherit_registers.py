# Side traces take over the parent's values where the parent keeps them:
# many ints and floats live at once (some spilled), a branch that goes the
# other way every third iteration (its side trace inherits all of them), a
# type change inside the side trace, and a side trace of a side trace.
# jit-flags: --jit-param hotloop=3,hotexit=3
# expect: side >= 2
def churn(n):
    a, b, c, d, e, f = 1, 2, 3, 4, 5, 6
    x, y, z, w = 0.5, 1.5, 2.5, 3.5
    out = 0
    for i in range(n):
        a, b, c, d, e, f = b, c, d, e, f, (a + i) % 1000
        x, y, z, w = y, z, w, x * 0.5 + i
        if i % 3 == 0:
            a, f = f, a
            x, w = w + 1.0, x
            if i % 9 == 0:
                out += a * b - c + int(x)
        out += a + b + c + d + e + f
    return out, a, b, c, d, e, f, x, y, z, w


def mixed(n):
    t = 0
    v = 0
    for i in range(n):
        if i % 4 == 1:
            v = v + 0.25 if i > n // 2 else v + 1
        t += i
    return t, v


print(churn(3000))
print(mixed(2000))
