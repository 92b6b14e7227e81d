# Without __all__, import * skips names that start with an underscore.
from star_noall_mod import *
print(visible, helper())
print("_private" in dir(), "visible" in dir())
