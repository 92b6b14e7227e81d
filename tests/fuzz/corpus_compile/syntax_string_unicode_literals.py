# Non-ASCII characters in source literals.
s = "héllo wörld"
print(s)
print(len(s))
print("日本語")
print(len("日本語"))
print("emoji: 😀👍")
print(len("😀👍"))
print("mixed: a日b😀c")
