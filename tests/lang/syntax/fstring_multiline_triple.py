# Triple-quoted f-strings spanning lines.
a = 1
b = 2
s = f"""a={a}
b={b}
sum={a + b}"""
print(s)
print(f'''{'x'}
{'y'}''')
