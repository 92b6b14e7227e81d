# Augmented assignment on floats.
f = 1.5
f += 1; print(f)
f -= 0.25; print(f)
f *= 4; print(f)
f /= 3; print(f)
f //= 0.5; print(f)
f %= 4; print(f)
f **= 2; print(f)
