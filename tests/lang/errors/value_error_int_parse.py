# int() of a word.
print(int("forty"))
