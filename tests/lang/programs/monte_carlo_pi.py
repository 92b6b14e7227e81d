# Monte-Carlo estimate of pi with a fixed seed.
import random
import math
random.seed(42)
def estimate(n):
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4 * inside / n
results = []
for n in [100, 1000, 5000]:
    est = estimate(n)
    results.append(est)
    print(f"n={n:5d} pi~{est:.4f} error={abs(est - math.pi):.4f}")
print(results)
random.seed(42)
darts = [(random.uniform(-1, 1), random.uniform(-1, 1)) for _ in range(8)]
print(sum(1 for x, y in darts if math.hypot(x, y) <= 1), [round(x, 3) for x, _ in darts[:3]])
