# Arguments are evaluated left to right before the call.
log = []
def note(v):
    log.append(v)
    return v
def three(a, b, c):
    return a + b + c
print(three(note(1), note(2), note(3)))
print(three(c=note("c"), a=note("a"), b=note("b")))
print(log)
