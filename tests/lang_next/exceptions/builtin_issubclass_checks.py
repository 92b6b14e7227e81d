# issubclass relations among built-in exceptions.
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(Exception, BaseException), issubclass(SystemExit, Exception))
print(issubclass(TimeoutError, OSError), issubclass(IOError, OSError), IOError is OSError)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(AssertionError, Exception))
