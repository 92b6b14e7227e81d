# __exit__ receives the exception type, value and traceback.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print(et.__name__ if et else et, repr(ev), tb is not None)
        return True
with Inspect():
    pass
with Inspect():
    raise KeyError("k")
with Inspect():
    {}["z"]
print("end")
