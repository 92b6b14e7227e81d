# A bare * makes the following parameters keyword-only.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("h"), connect("h", port=443, secure=True), connect(host="k", secure=True))
try:
    connect("h", 8080)
except TypeError as e:
    print(e)
