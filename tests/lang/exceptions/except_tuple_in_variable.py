# The exception spec of an except clause can be any expression.
NETWORK_ERRORS = (ConnectionError, TimeoutError)
def pick():
    return ValueError
for exc in [TimeoutError("slow"), ValueError("bad"), ConnectionResetError("reset")]:
    try:
        raise exc
    except NETWORK_ERRORS as e:
        print("network:", type(e).__name__, e)
    except pick() as e:
        print("picked:", e)
