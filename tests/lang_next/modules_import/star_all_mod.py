# Helper: a module with __all__ controlling "from ... import *".
__all__ = ["public_a", "_exported_private"]
public_a = "A"
public_b = "B (not in __all__)"
_exported_private = "private but listed"
_hidden = "hidden"
