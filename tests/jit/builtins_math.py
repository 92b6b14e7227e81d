# len, abs, min, max and math functions compiled inside a trace.
# jit-flags: --jit-param hotloop=5
# expect: compiled >= 1
# expect: aborted == 0
import math
def norms(n):
    s = 0.0
    m = 0
    for i in range(n):
        x = i * 0.001
        s += math.sqrt(x) + abs(math.sin(x)) + math.cos(x) * 0.5
        m = max(m, abs(i - 500)) + min(i, 3) - min(i, 3)
    return round(s, 6), m
print(norms(2000))
