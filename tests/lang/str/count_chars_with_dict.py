# Counting characters of a string with a dict.
text = "the quick brown fox jumps over the lazy dog"
counts = {}
for ch in text:
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
for k in sorted(counts):
    print(k, counts[k])
