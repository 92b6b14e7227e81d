# bisect_left and bisect_right find insertion points.
import bisect
a = [1, 2, 4, 4, 4, 7]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4))
print(bisect.bisect_left(a, 0), bisect.bisect_right(a, 10), bisect.bisect_left(a, 5))
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3))
