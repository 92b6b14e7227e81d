# str.join with a non-string element.
print(",".join(["a", "b"]))
print(",".join(["a", 1, "b"]))
