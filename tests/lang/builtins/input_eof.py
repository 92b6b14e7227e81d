# input at end of input raises EOFError.
line = input()
print("read", line)
input()
