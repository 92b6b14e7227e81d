# A default value is evaluated once and shared between calls.
def append_to(x, lst=[]):
    lst.append(x)
    return lst
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
calls = 0
def make_default():
    global calls
    calls += 1
    return calls
def g(v=make_default()):
    return v
print(g(), g(), calls)
