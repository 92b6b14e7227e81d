# + concatenates and * repeats strings.
print("ab" + "cd")
print("ab" * 3)
print(3 * "ab")
print("ab" * 0 == "")
print(repr("ab" * -2))
s = ""
for i in range(5):
    s += str(i)
print(s)
s *= 2
print(s)
print("-" * 20)
