# An exception raised in else is not handled by the same try's handlers.
try:
    try:
        print("try body ok")
    except ZeroDivisionError:
        print("inner handler")
    else:
        1 / 0
except ZeroDivisionError:
    print("caught by the outer handler")
