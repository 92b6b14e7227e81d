# Caught exceptions carry a traceback object.
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__, tb.tb_lineno)
print(ValueError("x").__traceback__)
