# `i += 1` after a guard `i < n` (and `hi -= 1` after `lo < hi`) cannot
# leave the small-int range, so the trace drops their overflow checks. Near
# the edges of that range the results must still match Python, including
# the first step past it, which the interpreter makes into a big int.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 3
SMALL_MAX = 2 ** 47 - 1
SMALL_MIN = -(2 ** 47)

def count_up(i, n):
    steps = 0
    while i < n:
        i += 1
        steps += 1
    i += 1  # past n: a big int when n is the largest small int
    return i, steps

print(count_up(SMALL_MAX - 40, SMALL_MAX))
print(count_up(0, 50))
print(count_up(SMALL_MAX - 3, SMALL_MAX + 7))  # a big bound: checked adds
print(count_up(-50, SMALL_MIN))

def squeeze(lo, hi):
    turns = 0
    while lo < hi:
        lo += 1
        hi -= 1
        turns += 1
    return lo - 1, hi - 1, turns

print(squeeze(SMALL_MIN, SMALL_MIN + 60))
print(squeeze(SMALL_MAX - 61, SMALL_MAX))
print(squeeze(-30, 30))

def reverse(xs):
    lo = 0
    hi = len(xs) - 1
    while lo < hi:
        t = xs[lo]
        xs[lo] = xs[hi]
        xs[hi] = t
        lo += 1
        hi -= 1
    return xs

print(reverse(list(range(25))))

def shift_left(xs, level):
    i = 0
    while i < level:
        xs[i] = xs[i + 1]
        i += 1
    return xs

for k in range(12):
    print(shift_left(list(range(15)), k % 14))
