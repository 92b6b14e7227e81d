# Importing a missing name from an existing module raises ImportError.
try:
    from greet_mod import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
