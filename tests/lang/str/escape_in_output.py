# Printing strings with escapes writes the raw characters.
print("tab:\t|")
print("nl:\n|")
print("bs:\\|")
print("uni:\u00e9\u65e5")
print("null byte follows:\x00|")
print("quotes: ' \"")
