# f-string format specs are passed to __format__.
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:,.2f}"
        if spec == "":
            return f"{self.v}"
        return format(self.v, spec)
m = Money(1234.5)
print(f"{m:usd}|{m}|{m:>10.1f}|{m:e}")
print(format(m, "usd"), "{:usd}".format(m), "{0:.0f}".format(m))
