# A bracket closed by the wrong kind of bracket.
x = (1, 2]
