# Helper: reads state from counter_mod, showing modules share one instance.
import counter_mod
def current():
    return counter_mod.count
