# Augmented assignment to an undefined name.
total += 1
