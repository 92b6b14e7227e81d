# Two inner loops inside an outer loop (nbody's shape): each inner loop gets a
# trace, their loop-end exits get side traces, and the side trace that reaches
# the outer loop's back-edge lets the interpreter count it, so the outer loop
# gets a trace too and later exits link to it. The whole nest then runs in
# machine code: exits stay few although the inner loops end 20000 times.
# expect: compiled >= 4
# expect: exits <= 200
def simulate(steps):
    pairs = [[float(i), float(i + 1)] for i in range(10)]
    bodies = [[1.0 / (i + 1)] for i in range(5)]
    total = 0.0
    for _ in range(steps):
        for a, b in pairs:
            total += a * 0.5 - b * 0.25
        for p in bodies:
            p[0] = p[0] * 0.5 + 1.0
    return total, [p[0] for p in bodies]
print(simulate(10000))
