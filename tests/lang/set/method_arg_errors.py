# Methods check their argument count like CPython.
s = set()
s.add(1)
s.add()
