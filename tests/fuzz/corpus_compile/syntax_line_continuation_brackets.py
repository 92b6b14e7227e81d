# Implicit line continuation inside (), [] and {}.
total = (1 +
         2 +
         3)
print(total)
lst = [
    1,
    2,
    3,
]
print(lst)
d = {
    'a': 1,
    'b': 2,
}
print(d)
print(max(1,
          5,
          3))
def f(a,
      b):
    return a * b
print(f(6,
        7))
