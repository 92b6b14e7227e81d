# send() delivers values into a running generator.
def averager():
    total, count, avg = 0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
