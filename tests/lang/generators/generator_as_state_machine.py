# A generator keeps state between calls like a small state machine.
def traffic_light():
    while True:
        yield "green"
        yield "yellow"
        yield "red"
light = traffic_light()
print([next(light) for _ in range(7)])
