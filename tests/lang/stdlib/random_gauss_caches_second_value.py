# gauss() computes values in pairs and keeps the second for the next call.
import random
random.seed(1)
print(random.gauss(), random.gauss(10, 2), random.gauss())
random.seed(1)
print(random.gauss())
random.seed(1)
print(random.normalvariate(), random.normalvariate(5, 0.5))
