# from m import * imports exactly the names in __all__.
from star_all_mod import *
print(public_a, _exported_private)
try:
    print(public_b)
except NameError as e:
    print(e)
try:
    print(_hidden)
except NameError as e:
    print(e)
