// runtime/obj_list.h -- list: a growable array of Values.
// Items live in a separate ValueArray (capacity >= size) so the list object
// never moves; items[size..capacity) are NULL.
// Byte storage: a list made by [k] * n, with k a small int in 0..255 and n at
// least Vm::list_bytes_min, keeps its items as bytes in a RawArray instead
// (1 byte per item, not 8: a sieve's flags). Such a list has no ValueArray
// and at least one item, and keeps the RawArray in List::aux, which only
// instances of list subclasses use otherwise (for their attributes), so a
// list is no bigger for it. Only reads, iteration and stores
// of ints in 0..255 by index work on bytes; every other operation first gives
// the list Value storage (list_to_values), for good. Code that reads items()
// or span() must make sure the list has Value storage.
#pragma once

#include "runtime/obj_func.h"
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
  ValueArray* array;  // Value storage; null when capacity is 0 or with byte storage
  // Instances of list subclasses: their attribute dict (Klass::dict_offset),
  // or null. An exact list with byte storage: the RawArray of its items.
  Obj* aux;
  // Byte storage (items 0..255, one byte each), or null.
  RawArray* bytes() const { return array == nullptr && size != 0 ? static_cast<RawArray*>(aux) : nullptr; }
  // Value storage only (null with byte storage).
  Value* items() const { return array ? array->items : nullptr; }
  std::span<Value> span() const { return {items(), size}; }
};

// Whether [v] can be an item of byte storage: an int in 0..255.
inline bool fits_byte(Value v) { return v.is_small_int() && static_cast<uint64_t>(v.as_small_int()) <= 255; }

// Item [i] (< size) of [l], whatever its storage.
inline Value list_item(const List* l, uint64_t i) {
  if (l->array == nullptr) [[unlikely]]  // i < size: byte storage
    return Value::small_int(static_cast<const RawArray*>(l->aux)->data[i]);
  return l->array->items[i];
}
// Sets item [i] (< size) to [v], whatever the storage (byte storage becomes
// Value storage when [v] is not an int in 0..255); false on MemoryError.
bool list_store(Vm& vm, List* l, uint64_t i, Value v);
// Gives [l] Value storage (nothing to do unless it stores bytes); false on
// MemoryError (exception pending). Byte storage never comes back.
bool list_to_values(Vm& vm, List* l);

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
