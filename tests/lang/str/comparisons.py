# Lexicographic comparison of strings by code point.
print("abc" < "abd", "abc" < "ab", "" < "a")
print("Z" < "a", "a" < "é", "é" < "日")
print("abc" == "abc", "abc" != "ABC")
print("b" > "abc", "abc" >= "abc", "abc" <= "abd")
print(sorted(["pear", "Apple", "apple", "banana", "", "日本", "Zoo"]))
print(max("hello"), min("hello"))
print(max(["b", "a", "c"]))
