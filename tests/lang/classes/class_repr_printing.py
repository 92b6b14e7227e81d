# Printing classes shows <class '__main__.Name'>.
class Local:
    pass
print(Local)
print(int, str, list, dict, type(None), object)
print([Local, int])
print(str(Local), repr(float))
