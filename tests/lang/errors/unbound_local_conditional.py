# A local only assigned on a branch that did not run.
def f(flag):
    if flag:
        y = 1
    return y
print(f(True))
print(f(False))
