# with calls __enter__ and __exit__ in order, binding the __enter__ result.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("close", self.name, et)
        return False
with Resource("file") as handle:
    print("using", handle)
print("after")
