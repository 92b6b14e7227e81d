# divmod with a zero divisor.
print(divmod(5, 2))
print(divmod(5, 0))
