# A name assigned before its global declaration.
x = 0
def f():
    x = 1
    global x
