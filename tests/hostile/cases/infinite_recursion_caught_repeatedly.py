# Hitting the recursion limit again and again, catching RecursionError each time:
# the VM must unwind completely every time and stay usable.
def down(n):
    return down(n + 1)


caught = 0
for i in range(30):
    try:
        down(0)
    except RecursionError as e:
        caught += 1
        message = str(e)
print(caught, message)


def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


print(depth(900))
