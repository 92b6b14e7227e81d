# Helper: a module holding mutable state.
count = 0
log = []
def bump(by=1):
    global count
    count += by
    log.append(by)
    return count
