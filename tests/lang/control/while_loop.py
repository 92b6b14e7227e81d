# while loops counting up and down.
i = 0
while i < 5:
    print(i)
    i += 1
n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
