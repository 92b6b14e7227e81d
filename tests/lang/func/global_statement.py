# global lets a function rebind a module-level name.
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def create():
    global created
    created = "made inside"
create()
print(created)
def read_only():
    return counter * 10
print(read_only())
