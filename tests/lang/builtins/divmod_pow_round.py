# divmod, pow and round builtins together.
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(5, 3, 13))
print(round(2.5), round(3.5), round(-0.5), round(3.14159, 2), round(12345, -2))
