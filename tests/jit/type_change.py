# The loop's accumulator changes from int to float half-way: the trace's type
# guard fails, the interpreter carries on, and the result matches CPython.
# jit-flags: --jit-param hotloop=3,hotexit=1000
# expect: compiled >= 1
# expect: exits >= 1
def run(n):
    acc = 0
    for i in range(n):
        if i == n // 2:
            acc = float(acc)
        acc = acc + i
    return acc
print(run(1000))
values = [1, 2, 3, 4, 5, 6, 7, 8, 2.5, 3.5, 4.5, 5.5]
s = 0
for v in values:
    s = s + v
print(s)
