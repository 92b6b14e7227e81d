# Triple-quoted strings keep newlines and may contain quotes.
s = """line one
line two
  indented "quoted" 'also'"""
print(s)
t = '''a
b'''
print(t)
print(len(t))
u = """"""
print(repr(u))
v = """ends with quote\""""
print(v)
w = '''x''' + """y"""
print(w)
