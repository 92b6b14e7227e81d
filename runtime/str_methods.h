// runtime/str_methods.h -- Internal helpers shared by the str implementation
// files (obj_str.cpp, str_methods.cpp, str_format.cpp); not a public API.
// Invariant: every Str is valid UTF-8, so byte-level substring search always
// lands on code point boundaries.
// Depends on runtime/obj_str.h and runtime/vm.h.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/obj_str.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// True when [v] is a str object.
inline bool is_str(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::STR; }

// Returns the one-character str for code point [cp] (ASCII ones are interned).
Value str_from_cp(Vm& vm, uint32_t cp);
// Returns the substring of [s] between code points [start] and [stop]
// (0 <= start <= stop <= cp_len); [s] is rooted by the caller.
Value str_substr(Vm& vm, Str* s, uint64_t start, uint64_t stop);
// Code point index of byte offset [byte] in [s] (a code point boundary).
uint64_t str_cp_index(const Str* s, uint64_t byte);
// Registers the str methods (str_methods.cpp) in [klass]'s dict.
void add_str_methods(Vm& vm, Klass* klass);

}  // namespace contrail::runtime
