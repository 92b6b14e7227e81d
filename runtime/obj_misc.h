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

// range(start, stop, step) over small ints (|values| < 2^47; larger bounds
// raise OverflowError in the constructor).
struct Range : Obj {
  int64_t start, stop, step, length;
};

struct Slice : Obj {
  Value start, stop, step;  // None when omitted
};

struct Traceback : Obj {
  Traceback* next;  // towards the frame where the exception was raised
  Code* code;
  int32_t line;
};

Value module_new(Vm& vm, std::string_view name);
Value range_new(Vm& vm, int64_t start, int64_t stop, int64_t step);
Value slice_new(Vm& vm, Value start, Value stop, Value step);
// Resolves [s] against a sequence of [length] like PySlice_GetIndicesEx;
// false when an exception is pending (bad index types, zero step).
bool slice_indices(Vm& vm, Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength);

}  // namespace contrail::runtime
