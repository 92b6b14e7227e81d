# Iterating over an object without __iter__ or __getitem__.
class Opaque:
    pass
for x in Opaque():
    print(x)
