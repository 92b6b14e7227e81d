# The loop variable is not visible after the comprehension.
print([q for q in range(3)])
print(q)
