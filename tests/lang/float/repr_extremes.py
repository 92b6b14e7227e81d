# The largest, smallest normal and smallest subnormal floats.
print(1.7976931348623157e308)
print(2.2250738585072014e-308)
print(5e-324)
print(5e-324 / 2)
print(4.9e-324)
print(1e-320)
print(123e-310)
print(1.7976931348623157e308 * 1.0000000000000002)
