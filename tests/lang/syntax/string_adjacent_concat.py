# Adjacent string literals are concatenated at compile time.
print('abc' 'def')
print("a" 'b' """c""")
s = ('first part '
     'second part '
     "third")
print(s)
print(r'\n' 'x')
print(len('a' '' 'b'))
