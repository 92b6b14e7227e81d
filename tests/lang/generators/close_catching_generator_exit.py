# A generator can observe GeneratorExit but must not yield after it.
def watcher():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise
w = watcher()
next(w)
w.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
