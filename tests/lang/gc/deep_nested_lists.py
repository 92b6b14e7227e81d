# A chain of 5000 nested lists, walked iteratively.
root = []
cur = root
for i in range(5000):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
depth = 0
node = root
while len(node) > 0 and type(node[-1]) == list:
    node = node[-1]
    depth += 1
print(depth, node)
import gc
gc.collect()
node = root
s = 0
while len(node) > 0:
    last = node[-1]
    if type(last) != list:
        break
    s += last[0]
    node = last
print(s)
root = None
gc.collect()
print("dropped")
