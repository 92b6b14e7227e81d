# Side traces record a few iterations of a compiled inner loop (loopunroll)
# instead of handing over to its trace and back: inner loops with short,
# varying trip counts, a break, a long inner loop that exhausts the budget
# and links, and an inner loop whose trip count changes type mid-way.
# jit-flags: --jit-param hotloop=5,hotexit=3
# expect: compiled >= 4
def short_inner(rows):
    total = 0
    for r in rows:
        j = 0
        while j < r % 5:        # 0..4 iterations, varying
            total += j * r
            j += 1
        total += 1
    return total

print(short_inner(list(range(200))))
print(short_inner([7, 3, 9, 4, 1, 0, 12] * 30))

def with_break(rows):
    hits = 0
    for r in rows:
        k = 0
        while k < 10:
            if (r + k) % 7 == 0:
                break
            k += 1
        hits += k
    return hits

print(with_break(list(range(300))))

def long_inner(n, m):
    s = 0
    i = 0
    while i < n:
        j = 0
        while j < m:            # much longer than the budget: links to its trace
            s += (i ^ j) & 3
            j += 1
        i += 1
    return s

print(long_inner(40, 100))
print(long_inner(3, 1000))

def mixed(rows):
    acc = 0.0
    for r in rows:
        x = 0
        while x < r:
            acc += x
            x += 1
        x = 0.5
        while x < r:            # the same shape with a float counter
            acc += x
            x += 1.0
    return acc

print(mixed([3, 1, 4, 1, 5, 9, 2, 6] * 20))
