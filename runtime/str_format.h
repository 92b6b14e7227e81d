// runtime/str_format.h -- Object-level formatting: format(), f-string fields,
// `str % args` and str.format. These walk Python objects (argument tuples,
// mappings, attribute/index chains) and delegate the text rendering to
// runtime/format_spec.h and runtime/percent_format.h.
// Invariants: every function returns a Str Value or EXCEPTION; arguments are
// borrowed (rooted by the caller); error messages are CPython 3.11's.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// Returns format([v], [spec]) as builtin format() does: int, bool, float and
// str honour the mini-language; any other type accepts only an empty spec
// (giving str(v)) and otherwise raises "unsupported format string passed to
// T.__format__".
Value format_value(Vm& vm, Value v, std::string_view spec);

// Returns [fmt] % [args] (printf-style): [args] is a tuple of positional
// values, a mapping for %(name)s, or a single value.
Value str_percent(Vm& vm, Str* fmt, Value args);

// Implements str.format: positional[0] is the format string (self), the rest
// and the keyword arguments are the fields' values.
Value str_format_method(Vm& vm, const CallArgs& args);

// Implements str.format_map: positional[0] is the format string, positional[1]
// the mapping that named fields are looked up in (numbered fields are an error).
Value str_format_map_method(Vm& vm, const CallArgs& args);

// Implements FORMAT_VALUE: applies [conversion] (FormatFlags: none, !s, !r,
// !a) to [v], then formats it with [spec_or_null] (a str, or NULL for no spec).
Value format_fstring_value(Vm& vm, Value v, uint32_t conversion, Value spec_or_null);

// Returns ascii([v]): repr with every non-ASCII code point escaped.
Value ascii_of(Vm& vm, Value v);

}  // namespace contrail::runtime
