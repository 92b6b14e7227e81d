# from package import submodule and from package.submodule import name.
import sys
sys.path.insert(0, "modules")
from mathpkg import ops
from mathpkg.ops import mul as times
print(ops.add(1, 1), times(6, 7), ops.__name__)
