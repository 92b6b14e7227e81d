# One loop variable that is a small int, then a big int, then a float, then
# back, while the loop keeps running hot.
x = 1
trace = []
for i in range(300):
    if i < 100:
        x = x * 3 + 1
    elif i < 200:
        x = x / 3
    elif i < 250:
        x = int(x) + i
    else:
        x = x // 7 if x > 1000 else x + 0.5
    if i % 25 == 0:
        trace.append(x)
print(trace)
print(x)
