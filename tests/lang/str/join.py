# str.join with lists, tuples and strings.
print(",".join(["a", "b", "c"]))
print("".join(["x", "y"]))
print(" - ".join(("1", "2", "3")))
print("-".join("abc"))
print(repr(",".join([])))
print(",".join(["only"]))
print("日".join(["a", "b"]))
print("\n".join([str(i) for i in range(3)]))
