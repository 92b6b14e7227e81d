// runtime/obj_str.h -- str: immutable UTF-8 text with code-point indexing.
// Invariants: data[byte_len] == '\0'; cp_len is the number of code points;
// is_ascii <=> byte_len == cp_len (then indexing is O(1)); hash is computed
// lazily (hash_valid) with CPython-compatible semantics only for equality
// consistency (str hashes are randomized in CPython, so order never depends on them).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace contrail::runtime {

struct Str : Obj {
  int64_t hash;
  uint64_t byte_len;
  uint64_t cp_len;
  uint8_t hash_valid;
  uint8_t interned;
  char data[];

  std::string_view view() const { return {data, byte_len}; }
  bool is_ascii() const { return byte_len == cp_len; }
};

// Allocates a str holding [utf8] (must be valid UTF-8). EXCEPTION on MemoryError.
Value str_new(Vm& vm, std::string_view utf8);
// Allocates a str of [byte_len] bytes and [cp_len] code points whose text the
// caller writes in place (data is zeroed and NUL-terminated), so that builders
// that know their result's length (join, replace, case mapping) need no
// intermediate buffer. The text must be written before anything can hash,
// intern or compare the str. Null with MemoryError pending. A zero-length
// request returns the shared empty str.
Str* str_alloc(Vm& vm, uint64_t byte_len, uint64_t cp_len);
// Returns the interned str for [utf8] (never collected).
Str* str_intern(Vm& vm, std::string_view utf8);
// Counts code points of valid UTF-8.
uint64_t utf8_count(std::string_view utf8);
// Byte offset of code point [index] (0 <= index <= cp_len).
uint64_t str_byte_offset(const Str* s, uint64_t index);
// Appends the UTF-8 encoding of [cp] to [out].
void utf8_append(std::string& out, uint32_t cp);
// Decodes the code point at byte [pos] of [s] and advances [pos].
uint32_t utf8_decode(std::string_view s, size_t* pos);
// True when [a] and [b] hold the same text.
bool str_equal(const Str* a, const Str* b);
// The hash of a str (FNV-1a based; stable within a run).
int64_t str_hash(Str* s);
// Python repr of text ('abc', "it's", escapes) appended to [out].
void str_repr_append(std::string& out, std::string_view utf8, bool ascii_only = false);

}  // namespace contrail::runtime
