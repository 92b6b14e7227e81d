# A branch that goes the other way half of the time: its exit gets hot and a
# side trace takes over from it, linked back to the loop.
# jit-flags: --jit-param hotloop=5,hotexit=5
# expect: compiled >= 2
# expect: side >= 1
def collatz_steps(limit):
    steps = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
    return steps
print(collatz_steps(3000))
