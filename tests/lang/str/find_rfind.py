# find and rfind return -1 when absent.
s = "hello world, hello"
print(s.find("hello"), s.rfind("hello"))
print(s.find("o"), s.rfind("o"))
print(s.find("xyz"), s.rfind("xyz"))
print(s.find("o", 5), s.find("o", 5, 7), s.find("o", 8, 10))
print(s.rfind("o", 0, 10))
print(s.find(""), s.rfind(""))
print("日本語".find("語"))
print(s.find("hello", -5))
