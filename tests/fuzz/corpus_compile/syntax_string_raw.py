# Raw strings keep backslashes.
print(r'a\nb')
print(R'a\tb')
print(len(r'\n'))
print(r"\x41")
print(r'C:\path\to')
print(r'\'')
print(len(r'\''))
print(r"""raw\
triple""")
