# An exception raised in finally replaces the one in flight.
try:
    raise ValueError("original")
finally:
    raise TypeError("from finally")
