// runtime/obj_iter.h -- Iterator objects of the built-in types and of the lazy
// builtins (enumerate, zip, map, filter, reversed).
// SeqIter is shared by list/tuple/str/range/dict iterators: each has its own
// Klass (so type(it) prints right) and iternext slot over the same fields.
#pragma once

#include "runtime/object.h"

namespace contrail::runtime {

struct SeqIter : Obj {
  Value seq;       // the iterated object (list, tuple, str, range, dict)
  uint64_t index;  // next position (items, code points, or dict entries)
  uint64_t byte;   // str: byte offset of index; dict: expected size (mutation check)
  int64_t step;    // reversed iterators: -1
};

// enumerate / zip / map / filter share one layout.
struct FuncIter : Obj {
  Value fn;        // map/filter function (None for filter(None, ...))
  Value iters;     // tuple of iterators (one for enumerate/filter)
  Value count;     // enumerate counter (an int)
  uint8_t strict;
};

Value seq_iter_new(Vm& vm, Klass* klass, Value seq, uint64_t index, int64_t step);

}  // namespace contrail::runtime
