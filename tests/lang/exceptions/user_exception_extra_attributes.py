# User exceptions can carry extra attributes.
class HttpError(Exception):
    def __init__(self, status, reason):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason
try:
    raise HttpError(404, "Not Found")
except HttpError as e:
    print(e.status, e.reason, e, e.args)
