try:
    pass
except* E:
    pass
with (a as b, c as d): pass
match x:
    case [1, *r] if r: pass
