# callable, vars and sorted dir-like introspection of a simple class.
class K:
    a = 1
    def m(self):
        return 2
print(callable(K), callable(K().m), callable(1))
print(sorted(k for k in vars(K) if not k.startswith("__")))
