# A dict used as a dict key.
d = {}
d[{}] = 1
