# __getattr__ is called only when normal lookup fails.
class Proxy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        print("fallback for", name)
        return name.upper()
p = Proxy()
print(p.real)
print(p.virtual)
print(getattr(p, "other"), hasattr(p, "anything"))
