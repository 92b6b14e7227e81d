// runtime/obj_list.h -- list: a growable array of Values.
// Items live in a separate ValueArray (capacity >= size) so the list object
// never moves; items[size..capacity) are NULL.
#pragma once

#include "runtime/object.h"

namespace contrail::runtime {

struct Dict;

// A GC array of Values (backing store of lists, dict entries use RawArray).
struct ValueArray : Obj {
  uint64_t capacity;
  Value items[];
};

struct List : Obj {
  uint64_t size;
  ValueArray* array;  // null when capacity is 0
  Dict* attrs;        // instance attributes of list subclasses, or null
  Value* items() const { return array ? array->items : nullptr; }
  std::span<Value> span() const { return {items(), size}; }
};

Value list_new(Vm& vm, uint64_t capacity = 0);
// A list of [n] copies of [fill] (sized; [x] * n and fills the caller overwrites).
Value list_new_filled(Vm& vm, uint64_t n, Value fill);
// Appends; false on MemoryError (exception pending). [list] must be rooted by the caller.
bool list_append(Vm& vm, List* list, Value v);
// Ensures capacity >= [n].
bool list_reserve(Vm& vm, List* list, uint64_t n);
// Inserts at [index] (clamped).
bool list_insert(Vm& vm, List* list, int64_t index, Value v);
// A ValueArray with [n] items, all [fill] (NULL: empty slots).
ValueArray* value_array_new(Vm& vm, uint64_t n, Value fill = Value::null());

}  // namespace contrail::runtime
