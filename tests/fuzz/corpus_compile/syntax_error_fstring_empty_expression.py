# An f-string replacement field with nothing in it.
x = f"value: {}"
