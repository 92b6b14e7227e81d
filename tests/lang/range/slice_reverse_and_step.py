# The common a[::-1] and a[1:-1:2] idioms on every sequence.
for seq in [[0, 1, 2, 3, 4, 5, 6], (0, 1, 2, 3, 4, 5, 6), "0123456", range(7)]:
    print(seq[::-1], seq[1:-1:2], seq[-2::-2], seq[5:1:-1], seq[::3])
