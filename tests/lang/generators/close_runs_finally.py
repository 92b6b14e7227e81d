# close() raises GeneratorExit at the yield, running finally blocks.
def resource():
    print("acquire")
    try:
        yield 1
        yield 2
    finally:
        print("release")
g = resource()
print(next(g))
g.close()
print("closed", next(g, "nothing more"))
g.close()
