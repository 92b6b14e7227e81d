// runtime/obj_tuple.h -- tuple: immutable fixed-size array of Values.
#pragma once

#include "runtime/object.h"

namespace contrail::runtime {

struct Tuple : Obj {
  uint64_t size;
  Value items[];
  std::span<Value> span() { return {items, size}; }
};

// A tuple of [n] items, all None. EXCEPTION on MemoryError.
Value tuple_new(Vm& vm, uint64_t n);
// A tuple copying [items] (which the caller keeps rooted).
Value tuple_from(Vm& vm, std::span<const Value> items);

}  // namespace contrail::runtime
