# Builtin functions are values that can be stored and passed.
fs = [len, str, abs, repr]
print([f("ab") if f in (len, str, repr) else f(-3) for f in fs])
apply = lambda f, x: f(x)
print(apply(sorted, "cab"), apply(max, [1, 9, 2]), apply(bool, 0))
