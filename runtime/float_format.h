// runtime/float_format.h -- double <-> text, byte-identical to CPython 3.11.
// Covers repr(float), the float presentation types of format()/'%' (the
// digit-string part only: sign padding, fill and grouping live in
// format_spec.h and percent_format.h), float(str) parsing and round(x, n).
// Invariants: digits always come from correctly rounded conversions
// (std::to_chars / std::from_chars), never from printf; ties round half-even
// on the exact binary value, exactly as CPython's dtoa does.
// Depends on the C++ standard library only; nothing else in Contrail.
#pragma once

#include <string>
#include <string_view>

namespace contrail::runtime {

// Returns repr(x) == str(x): shortest round-trip digits, fixed notation for
// 1e-4 <= |x| < 1e16 (with ".0" when integral), scientific otherwise;
// "inf", "-inf", "nan".
std::string float_repr(double x);

// Returns format(x, f".{precision}f") without padding: [precision] digits
// after the point, exact decimal rounding.
std::string float_format_fixed(double x, int precision);

// The digit string for one float presentation [type] ('e','E','f','F','g',
// 'G','n','%','r', or 0 for "no type"), the way CPython's
// PyOS_double_to_string plus format()'s type mapping produce it:
// - [precision] < 0 selects the default (6; repr for type 0).
// - Type 0 is repr when [precision] < 0, else 'g' that keeps ".0" on
//   integral results; it always behaves as if [add_dot_0_if_integer].
// - 'r' ignores [precision]; [add_dot_0_if_integer] decides "1.0" vs "1"
//   (and for 'g'/'G' also lowers the exponent threshold by one, as CPython).
// - '%' multiplies by 100, formats as 'f' and appends '%'.
// - [alternate] is '#': keep the point and, for 'g', trailing zeros.
// - [no_neg_zero] is the 'z' option: "-0.00" becomes "0.00".
// A '-' appears for negative values (never for nan); no '+' is ever added.
std::string format_double(double x, char type, int precision, bool alternate,
                          bool add_dot_0_if_integer, bool no_neg_zero = false);

// Parses Python's float(str) syntax into [*out]: surrounding (Unicode)
// whitespace, sign, digits with single '_' between digits, '.', exponent,
// and "inf"/"infinity"/"nan" in any case. Overflow gives +-inf, underflow
// +-0.0. Returns false when the text is not a float literal; the caller then
// raises "ValueError: could not convert string to float: <repr>".
// Non-ASCII decimal digits (which CPython accepts) are rejected.
bool parse_float(std::string_view text, double* out);

// Returns round(x, ndigits) exactly as CPython: the exact value of [x]
// rounded half-even to [ndigits] decimal places (negative: to tens,
// hundreds, ...), converted back to the nearest double. nan/inf return
// themselves; a zero result keeps the sign of [x]. When rounding overflows a
// finite [x] the result is +-inf, and the caller raises
// "OverflowError: rounded value too large to represent".
double float_round(double x, int ndigits);

}  // namespace contrail::runtime
