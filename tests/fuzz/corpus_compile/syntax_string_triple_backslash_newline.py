# A backslash at end of line inside a string joins the lines.
s = """first \
second"""
print(s)
t = 'one \
two'
print(t)
