# Everything printed before an uncaught error reaches stdout.
for i in range(5):
    print("line", i)
print("partial", end="")
print(1 / 0)
