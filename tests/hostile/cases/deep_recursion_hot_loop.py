# A hot loop that recurses close to the recursion limit on every iteration,
# hostile: timeout=120
# with a loop inside each recursive frame.
def down(n):
    if n == 0:
        return 0
    s = 0
    for i in range(3):
        s += i
    return down(n - 1) + s


total = 0
for k in range(200):
    total += down(900)
print(total)
