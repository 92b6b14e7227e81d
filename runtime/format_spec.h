// runtime/format_spec.h -- The format-spec mini-language of format(),
// str.format and f-strings, byte-identical to CPython 3.11
// (Python/formatter_unicode.c).
// Invariants: text is UTF-8; widths, precisions and alignment count code
// points. Every error string is CPython's message verbatim; all are
// ValueError except where a function says otherwise.
// Division of labour: the caller owns the objects (renders an int's
// magnitude in the base asked for, converts bool/subclasses, picks the type
// name); this file owns parsing, padding, signs, prefixes and grouping.
// Depends on runtime/float_format.h only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace contrail::runtime {

// One parsed spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// [align] is 0 when not given; each formatter resolves it (str: '<';
// numbers: '=' if [zero_pad], else '>'). A leading '0' without an explicit
// fill sets both [zero_pad] and [fill] = '0'. [type] is a code point (0 when
// absent) so that "Unknown format code '\xe9'" can be reported.
struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;              // '<', '>', '^', '=' or 0
  char sign = 0;               // '+', '-', ' ' or 0
  bool no_neg_zero = false;    // 'z' (3.11): coerce -0.0 to 0.0 for floats
  bool alternate = false;      // '#'
  bool zero_pad = false;       // '0' before the width
  std::int64_t width = -1;     // -1 when absent
  char grouping = 0;           // ',' or '_' or 0
  std::int64_t precision = -1; // -1 when absent
  char32_t type = 0;
};

// Parses [spec] into [*out]. On failure returns false with CPython's message
// in [*error]. [type_name] is the object's type name, used only by
// "Invalid format specifier '<spec>' for object of type '<type_name>'".
// Validates grouping against an explicit type (e.g. "Cannot specify ',' with
// 'x'."); the formatters check grouping against their default type.
bool parse_format_spec(std::string_view spec, FormatSpec* out, std::string* error,
                       std::string_view type_name = "object");

// Formats str [utf8] (type 's' or none). Precision truncates, default
// alignment is left. Errors as CPython ("Unknown format code 'd' for object
// of type 'str'", "Sign not allowed in string format specifier", ...).
bool format_str(std::string_view utf8, const FormatSpec& spec, std::string* out,
                std::string* error, std::string_view type_name = "str");

// The base the caller must render an int's magnitude in for [spec]: 2 for
// 'b', 8 for 'o', 16 for 'x'/'X' (lower-case digits; format_int upper-cases
// for 'X'), 10 for everything else ('c', 'd', 'n', none, and the float
// types e E f F g G %).
int format_spec_int_base(const FormatSpec& spec);

// Formats an int given as [neg] plus its magnitude [digits] (no sign, no
// prefix, lower case, "0" for zero) in format_spec_int_base(spec).
// Handles b c d n o x X and none ('#' prefixes, sign, '=' and zero padding
// with grouping: ',' or '_' every 3 decimal digits, '_' every 4 for b/o/x/X).
// Also handles the float types e E f F g G %, converting the decimal
// [digits] to the nearest double like float(int).
// For 'c' the value is the code point. Errors that are OverflowError in
// CPython ("%c arg not in range(0x110000)", "Python int too large to convert
// to C long", "int too large to convert to float") set [*overflow] when
// [overflow] is given; all others are ValueError.
bool format_int(bool neg, std::string_view digits, const FormatSpec& spec, std::string* out,
                std::string* error, std::string_view type_name = "int",
                bool* overflow = nullptr);

// Formats a float: types e E f F g G n % and none, with sign, 'z', '#',
// zero padding, grouping and fill/align (default right). inf/nan are
// "inf"/"nan" ("INF"/"NAN" for E F G), padded like numbers.
bool format_float(double x, const FormatSpec& spec, std::string* out, std::string* error,
                  std::string_view type_name = "float");

}  // namespace contrail::runtime
