# pop() removes elements in table order, continuing where it stopped.
s = set(range(8))
print(s.pop(), s.pop(), s)
s.add(0)
print(s.pop(), s)
t = set([5, 13, 21])
out = []
while t:
    out.append(t.pop())
print(out, t)
