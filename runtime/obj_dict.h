// runtime/obj_dict.h -- dict: insertion-ordered hash table (CPython's compact layout).
// A DictTable holds an index array (int32 slots; -1 empty, -2 deleted) of
// 2^k entries followed by a dense entry array in insertion order; deleted
// entries have a NULL key. Lookup probes with CPython's perturbation scheme.
// Invariant: `used` counts live entries; `version` increases on every mutation
// (inline caches for globals compare it).
#pragma once

#include "runtime/object.h"

namespace contrail::runtime {

struct DictEntry {
  int64_t hash;
  Value key;
  Value value;
};

struct DictTable : Obj {
  uint64_t nslots;     // power of two
  uint64_t nentries;   // entries used (including deleted ones)
  uint64_t capacity;   // entry capacity (2/3 of nslots)
  DictEntry* entries() { return reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(this + 1) + nslots * sizeof(int32_t)); }
  int32_t* slots() { return reinterpret_cast<int32_t*>(this + 1); }
};

struct Dict : Obj {
  uint64_t used;
  uint64_t version;
  DictTable* table;  // null when empty and never grown
  Dict* attrs;       // instance attributes of dict subclasses, or null
};

Value dict_new(Vm& vm);
// Looks [key] up: the value, NULL if missing, EXCEPTION if hashing/eq raised.
Value dict_get(Vm& vm, Dict* d, Value key);
// Looks up a str key by text (no exceptions possible). NULL when missing.
Value dict_get_str(Dict* d, Str* key);
// Inserts or replaces; false on exception. [d], [key], [value] rooted by caller.
bool dict_set(Vm& vm, Dict* d, Value key, Value value);
// Removes [key]: the old value, NULL if missing, EXCEPTION on error.
Value dict_pop(Vm& vm, Dict* d, Value key);
// Iteration: advances [*pos] to the next live entry; false at the end.
bool dict_next(Dict* d, uint64_t* pos, DictEntry** out);
void dict_clear(Vm& vm, Dict* d);

}  // namespace contrail::runtime
