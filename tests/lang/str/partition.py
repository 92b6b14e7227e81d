# partition and rpartition.
print("key=value=x".partition("="))
print("key=value=x".rpartition("="))
print("novalue".partition("="))
print("novalue".rpartition("="))
print("=start".partition("="))
print("end=".rpartition("="))
head, sep, tail = "a->b->c".partition("->")
print(head, sep, tail)
