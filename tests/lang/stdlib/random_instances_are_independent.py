# Random instances keep separate state from each other and from the module functions.
import random
a = random.Random(10)
b = random.Random(10)
random.seed(10)
print(a.random() == b.random() == random.random())
a.random()
print(a.random() == b.random(), b.random() == random.random())
print(random.Random(5).randrange(100), random.Random(5).choice("xyz"))
