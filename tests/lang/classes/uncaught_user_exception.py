# An uncaught user exception prints __main__.Name: message.
class MyError(Exception):
    pass
def work():
    raise MyError("something bad happened")
print("start")
work()
