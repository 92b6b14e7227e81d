# Default values are evaluated once, when def runs.
def append_to(x, bucket=[]):
    bucket.append(x)
    return bucket
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
