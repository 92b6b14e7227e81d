# Built-in reductions accept generators.
nums = [4, -2, 7, 0]
print(sum(x for x in nums), min(x * x for x in nums), max((abs(x) for x in nums), default=0))
print(sorted((x for x in nums), key=abs), any(x < 0 for x in nums), all(x for x in nums))
print(max((x for x in []), default="empty"))
