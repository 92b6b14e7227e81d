# Small-int arithmetic over range(): one compiled trace, no aborts.
# jit-flags: --jit-param hotloop=5
# expect: compiled == 1
# expect: aborted == 0
def checksum(n):
    total = 0
    for i in range(n):
        total = (total + i * 7) % 1000003
    return total
print(checksum(200000))
