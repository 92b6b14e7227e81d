# Collections triggered inside a trace (list.append grows the list; with
# --gc-stress every allocation collects, poisoning freed memory) free nothing
# the trace still uses.
# jit-flags: --gc-stress --jit-param hotloop=2
# expect: compiled >= 1
def fill(n):
    out = []
    keep = [1.5, 2.5]
    for i in range(n):
        out.append(keep)
        out.append(i * 0.5)
    total = 0.0
    for j in range(0, len(out), 2):
        total += out[j][1] + out[j + 1]
    return len(out), total
print(fill(300))
