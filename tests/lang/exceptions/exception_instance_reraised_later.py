# An exception object can be stored and raised again later.
saved = None
try:
    raise ValueError("stored")
except ValueError as e:
    saved = e
print(type(saved).__name__, saved)
try:
    raise saved
except ValueError as e:
    print("raised again:", e, e is saved)
