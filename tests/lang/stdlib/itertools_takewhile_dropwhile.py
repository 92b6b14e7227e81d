# takewhile stops at the first failure; dropwhile starts there.
from itertools import takewhile, dropwhile
data = [1, 4, 6, 4, 1]
print(list(takewhile(lambda x: x < 5, data)), list(dropwhile(lambda x: x < 5, data)))
print(list(takewhile(str.isdigit, "123abc45")), "".join(dropwhile(lambda c: c == " ", "   hi ")))
