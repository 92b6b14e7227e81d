# throw() raises inside the generator at the paused yield.
def resilient():
    while True:
        try:
            yield "working"
        except ValueError as e:
            print("generator handled", e)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("bad input")))
print(next(g))
