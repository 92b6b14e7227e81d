// runtime/inline_cache.h -- Per-instruction inline caches of the interpreter
// (attribute access by shape, methods by class, globals by dict version).
// One entry per instruction of a Code object (Code::caches), zeroed at load.
// Invariants:
//  - Every pointer in an entry is a strong reference traced by the Code's
//    trace function, so a cached object cannot be freed and its address reused
//    (no ABA false hits).
//  - An entry is valid only while Vm::class_epoch equals its epoch: any
//    attribute assignment on a user class bumps the epoch and so invalidates
//    every cached class-attribute decision at once.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace contrail::runtime {

struct Klass;
struct Shape;
struct Dict;

struct InlineCache {
  Klass* klass;     // receiver class (attribute ops) -- null: empty entry
  Shape* shape;     // receiver shape (before a store)
  Shape* shape2;    // shape after a store that adds the attribute
  Dict* dict;       // LOAD_GLOBAL: the globals dict the value came from
  Value value;      // LOAD_METHOD: the function; LOAD_GLOBAL: the value
  uint64_t version; // LOAD_GLOBAL: globals version << 32 | builtins version (low bits)
  uint32_t slot;    // attribute slot index
  uint32_t epoch;   // Vm::class_epoch when filled
};

}  // namespace contrail::runtime
