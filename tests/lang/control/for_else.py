# for/else runs else only when the loop ends without break.
def find(lst, target):
    for i, v in enumerate(lst):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
for x in range(3):
    continue
else:
    print("else after continue-only loop", x)
