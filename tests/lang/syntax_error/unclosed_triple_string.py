# A triple-quoted string that is never closed.
print("start")
s = """this
never
ends
