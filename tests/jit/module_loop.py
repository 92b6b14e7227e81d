# Loops at module level compile: their variables are globals, which the trace
# reads from and writes to the module dict's entries (guarded: same table, no
# key added or removed), bumping the dict's version so the interpreter's
# global caches see every store. Covers: a plain accumulator loop, a helper
# function reading the globals the loop writes, a function that stores a
# global called from the loop, a new global created mid-loop (keys change:
# the trace exits), and a global deleted after the loop.
# expect: compiled >= 2
# expect: exits <= 40


def peek():
    return total + count


def bump():
    global count
    count += 1


total = 0
count = 0
for i in range(20000):
    total += i % 7
    if i % 1000 == 0:
        total += peek() % 3
print(total, count)

for i in range(5000):
    bump()
print(count, peek())

acc = 0.5
for j in range(3000):
    acc = acc * 0.5 + j
    if j == 2000:
        late = j  # a new key in the module dict mid-loop
print(acc, late)

del late
try:
    print(late)
except NameError as e:
    print("NameError:", e)
