# in and not in on strings test for substrings.
s = "hello world"
print("world" in s, "xyz" in s, "" in s, "o w" in s)
print("hello" not in s, "H" not in s)
print("" in "")
print("日" in "日本", "本日" in "日本")
