// src/interp/traceback.h -- CPython-style rendering of an uncaught exception.
#pragma once

#include <string>

#include "runtime/vm.h"

namespace contrail::interp {

// Renders [exc] like CPython 3.11's default excepthook: chained causes and
// contexts first, then "Traceback (most recent call last):", one
// `  File "x.py", line N, in f` line per frame followed by the stripped source
// line, repeated frames collapsed, and the final "Type: message" line.
std::string format_exception(runtime::Vm& vm, runtime::Value exc);

}  // namespace contrail::interp
