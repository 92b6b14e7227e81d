// runtime/obj_misc.h -- Small built-in objects: module, range, slice, traceback.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace contrail::runtime {

struct Code;

struct Module : Obj {
  Str* name;
  Dict* dict;
};

// range(start, stop, step) over arbitrary-precision ints, in one of two forms.
// Small: start, stop, step and length fit int64 and every item
// (start + i * step, 0 <= i < length) fits a small int; the int64 fields hold
// the range and the big_* fields are None. The interpreter's FOR_ITER fast
// path reads start, step and length of a small range through a
// range_iterator. Big: anything else; big_* hold the four ints (normalised
// int Values), the int64 fields are 0, and iteration uses a
// longrange_iterator, which the fast path never sees.
struct Range : Obj {
  int64_t start, stop, step, length;
  Value big_start, big_stop, big_step, big_length;
};

// True when [r] keeps its bounds in the big_* Values.
inline bool range_is_big(const Range* r) { return !r->big_length.is_none(); }

struct Slice : Obj {
  Value start, stop, step;  // None when omitted
};

struct Traceback : Obj {
  Traceback* next;  // towards the frame where the exception was raised
  Code* code;
  int32_t line;
};

Value module_new(Vm& vm, std::string_view name);
// A range over any int64 bounds ([step] != 0), small or big as they require.
Value range_new(Vm& vm, int64_t start, int64_t stop, int64_t step);
// The range of [range]'s items in reverse order (what reversed() iterates).
Value range_reversed(Vm& vm, Value range);
// Item [i] (< its length) of [r] as an int Value; allocates only for a big range.
Value range_item_at(Vm& vm, const Range* r, uint64_t i);
// The length of [r], saturated to UINT64_MAX.
uint64_t range_length_saturated(const Range* r);
Value slice_new(Vm& vm, Value start, Value stop, Value step);
// Resolves [s] against a sequence of [length] like PySlice_GetIndicesEx;
// false when an exception is pending (bad index types, zero step).
bool slice_indices(Vm& vm, Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength);

}  // namespace contrail::runtime
