# Uncaught exception raised while handling another one.
def load():
    try:
        return {"a": 1}["b"]
    except KeyError:
        raise RuntimeError("could not load config")
print("loading")
load()
