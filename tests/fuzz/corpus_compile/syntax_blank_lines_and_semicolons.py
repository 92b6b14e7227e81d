# Blank lines, semicolon-separated statements and one-line suites.
a = 1; b = 2; c = a + b
print(c)


if c == 3: print("one-line if")
for i in range(2): print("loop", i)
while False: pass
def f(): return 42
print(f())
x = 5;
print(x)
