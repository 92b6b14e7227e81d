# Returning several values packs them in a tuple.
def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats([3, 9, 6])
print(lo, hi, avg, stats([1]))
def nothing():
    pass
print(nothing(), (lambda: None)())
