# Octal literals.
print(0o0)
print(0o17)
print(0O17)
print(0o777)
print(0o_7_7)
print(0o1234567)
print(-0o10)
