# Helper package (under modules/, so not a test).
print("mathpkg __init__ runs")
from .ops import add
VERSION = "1.0"
