# A function definition with no body.
def f():

print("after")
