# sys.maxsize, sys.version_info and sys.platform.
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.platform, type(sys.path).__name__, type(sys.modules).__name__)
