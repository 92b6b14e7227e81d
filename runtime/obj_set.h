// runtime/obj_set.h -- set and frozenset: CPython's open-addressing hash table
// (Objects/setobject.c), so iteration order matches CPython's exactly.
// The table is a RawArray of (mask + 1) SetEntry slots, reached only through
// its Set (Set's trace visits the table and every live key).
// Invariants:
//  - An empty slot has key NULL and hash 0; a dummy (deleted) slot has key
//    NULL and hash -1 (no live key hashes to -1).
//  - fill = live + dummy slots; fill * 5 < mask * 3 after every insertion
//    (otherwise the table is rebuilt), so every probe meets an empty slot.
//  - frozenset caches its hash in `hash` (-1: not computed yet); sets keep -1.
// Depends on runtime/object.h and runtime/obj_func.h (RawArray) only.
#pragma once

#include <cstdint>

#include "runtime/obj_func.h"
#include "runtime/object.h"

namespace contrail::runtime {

struct SetEntry {
  Value key;     // NULL: empty or dummy slot
  int64_t hash;  // 0 for empty slots, -1 for dummies
};

struct Set : Obj {
  int64_t fill;     // live + dummy slots
  int64_t used;     // live slots (len)
  uint64_t mask;    // slot count - 1 (a power of two minus one)
  int64_t hash;     // frozenset: cached hash or -1
  uint64_t finger;  // where pop() starts its search
  RawArray* table;  // SetEntry[mask + 1]
  Dict* attrs;      // attribute dict of subclass instances (unused by set itself)
  SetEntry* entries() const { return table->as<SetEntry>(); }
};

// A new empty set. EXCEPTION on MemoryError.
Value set_new(Vm& vm);
// frozenset(iterable) ([iterable] NULL: the empty frozenset).
Value frozenset_new(Vm& vm, Value iterable);
// set.add: adds [key] to [set] (a set or frozenset being built); false with an
// exception pending (unhashable key, comparison error, MemoryError).
bool set_add(Vm& vm, Value set, Value key);
// set.update(iterable); false with an exception pending.
bool set_update(Vm& vm, Value set, Value iterable);
// `key in set` (a set key is looked up as the equal frozenset): 1, 0, -1.
int set_contains(Vm& vm, Value set, Value key);
// set.discard: 1 removed, 0 absent, -1 exception.
int set_discard(Vm& vm, Value set, Value key);
// True for set, frozenset and their subclasses.
bool is_anyset(Value v);
// Iteration without allocation: advances [*pos] past the next live entry and
// stores its key in [*key]; false at the end. Safe against mutation between
// calls (it rereads the table each time).
bool set_next(Set* s, uint64_t* pos, Value* key);

}  // namespace contrail::runtime
