# The else block runs only when the try block raised nothing.
for text in ["10", "ten"]:
    try:
        n = int(text)
    except ValueError:
        print("not a number:", text)
    else:
        print("parsed", n)
    finally:
        print("done with", text)
