# __getattr__ delegates to a wrapped object.
class Wrapper:
    def __init__(self, inner):
        self._inner = inner
        self.calls = 0
    def __getattr__(self, name):
        self.calls += 1
        return getattr(self._inner, name)
w = Wrapper([3, 1, 2])
w.append(0)
w.sort()
print(w._inner, w.count(1), w.calls)
