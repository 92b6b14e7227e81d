# Every in-place dunder is used by its augmented assignment.
class I:
    def __init__(self):
        self.log = []
    def _rec(self, name, o):
        self.log.append(name + str(o))
        return self
    def __isub__(self, o): return self._rec("isub", o)
    def __imul__(self, o): return self._rec("imul", o)
    def __itruediv__(self, o): return self._rec("itruediv", o)
    def __ifloordiv__(self, o): return self._rec("ifloordiv", o)
    def __imod__(self, o): return self._rec("imod", o)
    def __ipow__(self, o): return self._rec("ipow", o)
    def __ilshift__(self, o): return self._rec("ilshift", o)
    def __irshift__(self, o): return self._rec("irshift", o)
    def __iand__(self, o): return self._rec("iand", o)
    def __ior__(self, o): return self._rec("ior", o)
    def __ixor__(self, o): return self._rec("ixor", o)
    def __imatmul__(self, o): return self._rec("imatmul", o)
x = I()
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6
x <<= 7; x >>= 8; x &= 9; x |= 10; x ^= 11; x @= 12
print(x.log)
