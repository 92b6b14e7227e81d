# getstate() snapshots the generator (and the cached gauss value); setstate() restores it.
import random
r = random.Random(99)
state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print(first == [r.random() for _ in range(3)], len(state), state[0], len(state[1]), state[2])
r.gauss()
state = r.getstate()
g = r.gauss()
r.setstate(state)
print(g == r.gauss())
