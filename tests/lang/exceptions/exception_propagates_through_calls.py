# An exception unwinds several function calls to the nearest handler.
def level3():
    raise PermissionError("denied")
def level2():
    level3()
    print("never printed")
def level1():
    try:
        level2()
    finally:
        print("level1 finally")
try:
    level1()
except OSError as e:
    print("main caught", type(e).__name__, e)
