# An except clause naming a non-exception class raises TypeError when tried.
try:
    try:
        1 / 0
    except str:
        print("never")
except TypeError as e:
    print(e)
