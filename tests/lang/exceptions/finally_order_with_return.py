# The return value is computed before finally runs.
log = []
def f():
    try:
        log.append("try")
        return log.append("return expr") or "value"
    finally:
        log.append("finally")
print(f(), log)
