# Helper: a module without __all__; names starting with _ are not star-imported.
visible = 1
def helper():
    return "helper"
_private = 2
