# break and continue in for and while loops.
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
n = 0
while True:
    n += 1
    if n < 3:
        continue
    print("n", n)
    if n >= 5:
        break
