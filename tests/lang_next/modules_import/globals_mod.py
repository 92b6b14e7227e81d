# Helper: functions use their own module's globals.
factor = 3
def scale(x):
    return x * factor
def set_factor(v):
    global factor
    factor = v
