# The class body runs once, top to bottom, as its own namespace.
print("before class")
class K:
    print("in class body")
    a = 1
    b = a + 1
    items = [a, b]
    def get(self):
        return self.b
print("after class")
print(K.a, K.b, K.items, K().get())
print(sorted(k for k in vars(K) if not k.startswith("__")))
