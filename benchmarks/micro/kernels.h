// benchmarks/micro/kernels.h -- The Python kernels timed by contrail_micro, once.
// Invariant: a kernel prints nothing, reads its size from sys.argv[1], and exits
// non-zero (SystemExit) when its self-check fails, so a wrong result never
// passes for a fast one. Kernels use only what the VM runs today, except the
// ones marked `needs_class`, which are probed first and skipped while
// `class` is unsupported.
// Depends on nothing; micro_main.cpp reads the table.
#pragma once

#include <cstdint>

namespace contrail::micro {

// One kernel: [name] in benchmark output, [size] passed as sys.argv[1],
// [needs_class] when it uses `class`, and its Python [source].
struct Kernel {
  const char* name;
  std::int64_t size;
  bool needs_class;
  const char* source;
};

// -- The table ---------------------------------------------------------------
// Each loop lives in a function so that its variables are fast locals, as in
// real code; module-level loops would time dict lookups instead.
inline constexpr Kernel kKernels[] = {
    {"empty", 0, false, R"PY(
import sys
n = int(sys.argv[1])
)PY"},

    {"int_loop", 1000000, false, R"PY(
import sys
def main(n):
    total = 0
    i = 0
    while i < n:
        total += (i * 7) & 1023
        i += 1
    return total
n = int(sys.argv[1])
if main(n) < 0:
    raise SystemExit(3)
)PY"},

    {"float_loop", 1000000, false, R"PY(
import sys
def main(n):
    x = 0.0
    y = 1.0
    for i in range(n):
        x = x * 0.5 + y
        y = y * 0.999999 + 0.000001
    return x
n = int(sys.argv[1])
if not (1.9 < main(n) < 2.1):
    raise SystemExit(3)
)PY"},

    {"call_heavy", 1000000, false, R"PY(
import sys
def add(a, b):
    return a + b
def main(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t
n = int(sys.argv[1])
if main(n) != n * (n - 1) // 2:
    raise SystemExit(3)
)PY"},

    // Instance attributes: the real thing, skipped until `class` runs.
    {"attr_class", 1000000, true, R"PY(
import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def main(n):
    p = P(0, 1)
    t = 0
    for i in range(n):
        p.x = p.y + i
        t += p.x
    return t
n = int(sys.argv[1])
if main(n) != n * (n - 1) // 2 + n:
    raise SystemExit(3)
)PY"},

    // Stand-in for attr_class while classes are being implemented: the same
    // loop with a dict's string keys as "attributes". Drop it once attr_class
    // runs everywhere.
    {"attr_dict", 1000000, false, R"PY(
import sys
def main(n):
    p = {"x": 0, "y": 1}
    t = 0
    for i in range(n):
        p["x"] = p["y"] + i
        t += p["x"]
    return t
n = int(sys.argv[1])
if main(n) != n * (n - 1) // 2 + n:
    raise SystemExit(3)
)PY"},

    {"list_index", 1000000, false, R"PY(
import sys
def main(n):
    a = [0] * 1024
    for i in range(n):
        j = i & 1023
        a[j] = a[j] + 1
    return sum(a)
n = int(sys.argv[1])
if main(n) != n:
    raise SystemExit(3)
)PY"},
};

}  // namespace contrail::micro
