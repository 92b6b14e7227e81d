# A loop inside a called function, called from a hot loop: the caller's trace
# inlines the call and ends at the callee's loop; once that loop has a trace,
# the exit is linked to it through a block that writes the inlined frames to
# the frame array (jit/exit_link.cpp FrameLink). Afterwards the callee's trace
# must see correct frames: exits back to the interpreter, an exception with a
# traceback through both frames, a callee nested two calls deep, and
# recursion near the limit (the block's room check fails; the interpreter
# raises RecursionError itself).
# jit-flags: --jit-param hotloop=2,hotexit=2
# expect: compiled >= 3
import sys


def count_until(limit, step):
    k = 0
    total = 0
    while k < limit:
        total += k * step
        k += 1
    return total


def middle(i):
    return count_until(i % 9 + 3, 2) + 1


def outer(n):
    acc = 0
    for i in range(n):
        acc += count_until(i % 7 + 2, 3)
        acc += middle(i)
    return acc


def bad_step(n):
    out = 0
    for i in range(n):
        out += count_until(5, 1 if i < n - 1 else None)
    return out


def deep(d):
    s = 0
    j = 0
    while j < 2:
        s += j
        j += 1
    if d == 0:
        return s
    return s + deep(d - 1)


print(outer(500))
print(outer(30))
try:
    bad_step(60)
except TypeError as e:
    print("TypeError:", e)
print(deep(100))
sys.setrecursionlimit(120)
try:
    deep(500)
except RecursionError as e:
    print("RecursionError:", e)
