# Counters compare as multisets: missing counts count as zero.
from collections import Counter
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2))
print(Counter("ab") >= Counter("a"), Counter("ab") > Counter("ab"), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}))
print(+Counter(a=-1, b=2, c=0), -Counter(a=-1, b=2))
