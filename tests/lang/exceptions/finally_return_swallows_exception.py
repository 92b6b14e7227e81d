# A return in finally discards the exception in flight.
def f():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f())
