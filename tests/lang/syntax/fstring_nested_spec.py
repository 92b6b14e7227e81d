# Nested replacement fields inside a format spec.
x = 3.14159265
for w in [6, 8, 10]:
    for p in [1, 3]:
        print(f"[{x:{w}.{p}f}]")
fill = '-'
align = '^'
print(f"[{'mid':{fill}{align}{11}}]")
width = 5
print(f"[{42:>{width}}]")
