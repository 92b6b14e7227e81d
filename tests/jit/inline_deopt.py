# Guards failing inside inlined frames: the exit rebuilds the inlined
# interpreter frames, so the callee finishes in the interpreter, returns to
# its caller, and exceptions raised there have CPython's traceback frames.
# jit-flags: --jit-param hotloop=3,hotexit=1000
# expect: compiled >= 1
# expect: exits >= 1
def scale(x, k):
    return x * k

def halve(x):
    return x / 2

def run(values):
    out = 0
    for v in values:
        out = out + scale(v, 3)
    return out
print(run([1, 2, 3, 4, 5, 6, 7, 8, 9.5, 10, 2 ** 45, 2 ** 46]))

def inv_sum(values):
    s = 0.0
    for v in values:
        s += halve(1.0 / v)
    return s
try:
    inv_sum([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 0.0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

def get(xs, i):
    return xs[i]

def walk(xs):
    t = 0
    for i in range(len(xs) + 1):
        t += get(xs, i)
    return t
try:
    walk([5, 6, 7, 8, 9, 10])
except IndexError as e:
    print("IndexError:", e)
