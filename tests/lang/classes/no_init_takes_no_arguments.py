# A class without __init__ accepts no arguments.
class Empty:
    pass
Empty(1)
