// runtime/percent_format.h -- The object-free half of printf-style `str % args`,
// byte-identical to CPython 3.11 (Objects/unicodeobject.c, PyUnicode_Format).
// The caller walks the format string and the argument tuple/dict; this file
// parses one conversion and renders ints, floats and strings.
// Invariants: text is UTF-8; widths, precisions and error indices count code
// points. Error strings are CPython's verbatim and are ValueError.
// Depends on runtime/float_format.h only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace contrail::runtime {

// Marks a width or precision given as '*' when no star callback was passed.
constexpr std::int64_t kPercentFromArgs = -2;

// One conversion: %[(key)][flags][width][.precision][h|l|L]conv.
struct PercentSpec {
  bool has_key = false;
  std::string_view key;            // the text between the parentheses
  bool left_adjust = false;        // '-'
  bool plus_sign = false;          // '+'
  bool blank_sign = false;         // ' '
  bool alternate = false;          // '#'
  bool zero_pad = false;           // '0'
  std::int64_t width = -1;         // -1 absent; kPercentFromArgs for '*'
  std::int64_t precision = -1;     // -1 absent; kPercentFromArgs for '*'
  char32_t conv = 0;               // conversion character (any code point)
  bool literal_percent = false;    // "%%": emit one '%', consume no argument
  std::size_t conv_offset = 0;     // byte offset of [conv] in the format string
};

// Supplies the next argument for a '*' width ([is_precision] false) or
// precision. Returns false when it raised (e.g. "* wants int", "not enough
// arguments for format string"); parsing then stops.
using PercentStarArg = std::function<bool(bool is_precision, std::int64_t* value)>;

enum class PercentParse : std::uint8_t {
  OK,          // [*out] and [*consumed] are valid
  ERROR,       // ValueError with CPython's message in [*error]
  ARG_FAILED,  // the star callback failed; its exception is pending
};

// Parses the conversion that starts at byte [pos] of [fmt], just after its
// '%'. Sets [*consumed] to the bytes read. A '*' calls [star] at the moment
// CPython fetches the argument (a negative width turns on '-', a negative
// precision becomes 0); with no [star] it records kPercentFromArgs.
// Errors: "incomplete format", "incomplete format key", "width too big",
// "precision too big". An unknown conversion character is not an error here:
// CPython fetches the value first, then raises percent_unsupported_message.
// The caller raises "format requires a mapping" (TypeError) itself before
// calling when fmt[pos] == '(' and the argument is not a mapping.
PercentParse parse_percent_spec(std::string_view fmt, std::size_t pos, PercentSpec* out,
                                std::size_t* consumed, std::string* error,
                                const PercentStarArg& star = nullptr);

// True for the conversions CPython knows: s r a c d i u o x X e E f F g G.
bool percent_conv_known(char32_t conv);

// "unsupported format character 'y' (0x79) at index 3" for [spec] parsed
// from [fmt] (index counts code points).
std::string percent_unsupported_message(std::string_view fmt, const PercentSpec& spec);

// Renders d i u o x X from [neg] and the magnitude [digits] (lower case, no
// prefix) in base 10, 8 ('o') or 16 ('x'/'X'); precision pads digits with
// zeros, '#' adds 0o/0x/0X.
std::string percent_int(bool neg, std::string_view digits, const PercentSpec& spec);

// Renders e E f F g G (default precision 6; "inf"/"nan", upper case for
// E F G) with the sign, zero and width flags.
std::string percent_float(double x, const PercentSpec& spec);

// Pads the already converted text of s r a (precision truncates to that many
// code points) or c (never truncated) to the width; '0' is ignored.
std::string percent_str(std::string_view utf8, const PercentSpec& spec);

}  // namespace contrail::runtime
