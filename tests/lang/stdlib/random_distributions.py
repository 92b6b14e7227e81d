# The real-valued distributions consume random() exactly as CPython's random.py.
import random
random.seed(99)
print(random.uniform(1, 5), random.expovariate(2), random.triangular(), random.triangular(0, 10, 3))
print(random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 2), random.gammavariate(1, 2))
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
