# The script's __name__ is __main__; an imported module gets its own name.
print("script __name__:", __name__)
import greet_mod
print("module __name__:", greet_mod.__name__)
