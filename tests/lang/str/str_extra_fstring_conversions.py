# f-strings: conversions, specs, nested replacement fields and debug-free forms.
x, s, f = 42, "é", 3.14159
w = 8
print(f"{x} {x!r} {s!r} {s!a} {s!s}")
print(f"{x:>{w}}|{f:{w}.3f}|{s:*^5}|{x:#x}|{x:08b}")
print(f"{'nested'!r:>10}|{[1, 'a']}|{None}|{True:>5}|{True}")
print(f"{x!r:>5}|{f!s:.4}|{3.0}|{1e16}|{-0.0}")
print(f"{{literal}} {x}{{}}")
