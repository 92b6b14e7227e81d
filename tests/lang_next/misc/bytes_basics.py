# bytes literals, indexing and decoding.
b = b"abc\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3])
print("café".encode(), b"caf\xc3\xa9".decode())
print(list(b"hi"), bytes([65, 66]))
