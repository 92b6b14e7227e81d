# Formatting ints over 4300 digits: every decimal route raises ValueError;
# hex() and bit operations do not.
x = 7 ** 6000
for conv in (str, repr, lambda v: f"{v}", lambda v: "%d" % v, lambda v: format(v, ",")):
    try:
        conv(x)
        print("converted")
    except ValueError as e:
        print("ValueError:", e)
print(len(hex(x)), len(bin(x)), (x >> 16000) & 0xFFFF)
