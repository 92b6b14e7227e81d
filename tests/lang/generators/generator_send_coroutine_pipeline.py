# Generators used as coroutines that push values down a chain.
def printer():
    while True:
        item = yield
        print("sink:", item)
def upper(target):
    while True:
        item = yield
        target.send(item.upper())
sink = printer()
next(sink)
stage = upper(sink)
next(stage)
for word in ["hello", "generator", "world"]:
    stage.send(word)
