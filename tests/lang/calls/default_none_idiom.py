# Using None as a default to get a fresh list per call.
def append_to(x, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(x)
    return bucket
print(append_to(1), append_to(2), append_to(3, [0]))
