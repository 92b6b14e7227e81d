# Parameters before / are positional-only.
def power(base, exp=2, /):
    return base ** exp
print(power(3), power(2, 10))
def clamp(x, /, lo=0, hi=10):
    return max(lo, min(hi, x))
print(clamp(15), clamp(-3, lo=-1), clamp(5, hi=4))
