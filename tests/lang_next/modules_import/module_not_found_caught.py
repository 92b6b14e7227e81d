# ModuleNotFoundError is an ImportError and carries the module name.
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, "|", e)
try:
    from also_missing import thing
except ModuleNotFoundError as e:
    print(e)
