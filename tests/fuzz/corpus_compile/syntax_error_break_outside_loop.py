# break with no enclosing loop.
if True:
    break
