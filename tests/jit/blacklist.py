# A loop whose recording keeps aborting (string concatenation is not compiled)
# is blacklisted after maxabort attempts and simply keeps being interpreted.
# jit-flags: --jit-param hotloop=2,maxabort=3
# expect: blacklisted >= 1
# expect: abort-reason: binary + on str and str
def build(n):
    s = ""
    for i in range(n):
        s = s + "ab"
    return len(s)
print(build(1000))
