# Float literals that overflow to inf or underflow to zero.
print(1e308)
print(1e309)
print(-1e309)
print(1e-323)
print(1e-400)
print(2.2250738585072014e-308)
print(1.7976931348623157e308)
