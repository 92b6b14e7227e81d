# Functions are first-class values.
def square(x):
    return x * x
def apply(f, v):
    return f(v)
ops = {"sq": square, "neg": lambda x: -x, "abs": abs}
for name in ["sq", "neg", "abs"]:
    print(name, apply(ops[name], -4))
fs = [square, len, str]
print([f(3) if f is not len else f("abc") for f in fs])
alias = square
print(alias(9), alias is square)
print(type(square), type(len))
