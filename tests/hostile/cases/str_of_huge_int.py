# str() of an int over 4300 digits: ValueError (the int_max_str_digits limit).
x = 10 ** 5000
print(x.bit_length(), len(hex(x)), x % 1000000007)
print(str(x))
