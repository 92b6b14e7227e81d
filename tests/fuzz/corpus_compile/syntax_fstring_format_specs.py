# Format specifications inside f-strings.
x = 3.14159
n = 255
print(f"{x:.2f}")
print(f"{x:10.3f}|")
print(f"{x:<10.1f}|")
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{n:#x} {n:#o} {n:#b}")
print(f"{n:08d}")
print(f"{n:,}")
print(f"{1234567.891:,.2f}")
print(f"{'s':*^9}")
print(f"{-5:+d} {5:+d} {5: d}")
print(f"{0.5:%}")
print(f"{0.25:.1%}")
print(f"{12345.678:e}")
print(f"{12345.678:.3g}")
