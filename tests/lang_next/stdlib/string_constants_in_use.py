# Using string constants for simple text processing.
import string
text = "Hello, World! 123"
print("".join(c for c in text if c in string.ascii_letters))
print(sum(c in string.digits for c in text), [c for c in text if c in string.punctuation])
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[3:] + string.ascii_lowercase[:3])
print("attack at dawn".translate(table))
