# A folder added to sys.path makes its modules importable.
import sys
sys.path.insert(0, "modules")
import plain_helper
print(plain_helper.WHO, plain_helper.where())
