# Several if clauses all have to hold.
print([x for x in range(50) if x % 2 == 0 if x % 3 == 0])
print([x for x in range(30) if x > 5 if x < 15 if x != 10])
print([(a, b) for a in range(4) if a for b in range(4) if b > a])
