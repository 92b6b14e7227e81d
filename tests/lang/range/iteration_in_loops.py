# Iterating ranges in loops with big and negative bounds.
total = 0
for i in range(1000):
    total += i
print(total)
print(sum(range(-50, 51)))
count = 0
for i in range(10 ** 12, 10 ** 12 + 5):
    count += 1
    last = i
print(count, last)
for i in range(2, -2, -1):
    print(i, end=" ")
print()
