# Calling a string after shadowing a function name.
len = "shadowed"
print(len)
len("abc")
