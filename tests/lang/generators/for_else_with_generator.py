# for/else: else runs when the generator is exhausted without break.
def evens(limit):
    for i in range(0, limit, 2):
        yield i
for n in evens(6):
    if n == 3:
        break
else:
    print("no 3 found")
for n in evens(10):
    if n == 4:
        print("found 4")
        break
else:
    print("not printed")
