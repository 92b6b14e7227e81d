# |= &= -= ^= on a set mutate it in place.
s = {1, 2, 3}
alias = s
s |= {4, 5}
s &= {1, 2, 4, 5, 6}
s -= frozenset([2])
s ^= {5, 9}
print(s, alias, s is alias)
