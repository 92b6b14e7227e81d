# Operations of a set with itself.
s = {1, 2, 3}
s |= s
print(s)
s &= s
print(s)
t = set(s)
t ^= t
print(t)
s -= s
print(s)
print({4}.union({4}), {4}.difference({4}), {4}.isdisjoint({4}))
