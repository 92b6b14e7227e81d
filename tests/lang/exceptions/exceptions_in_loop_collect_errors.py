# Errors inside a loop are handled per item and the loop continues.
data = ["1", "2", "x", "4", "", "6"]
total, bad = 0, []
for i, s in enumerate(data):
    try:
        total += int(s)
    except ValueError:
        bad.append(i)
        continue
    print("added", s)
print(total, bad)
