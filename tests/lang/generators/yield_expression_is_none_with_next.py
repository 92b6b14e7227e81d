# A yield expression evaluates to None when resumed with next().
def echo():
    while True:
        received = yield "ready"
        print("received", received)
e = echo()
next(e)
next(e)
e.send(5)
