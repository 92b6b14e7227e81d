// runtime/bigint_ops.h -- Arbitrary-precision integer kernels with Python semantics.
// The VM keeps a big int inside a GC object as sign + limbs; these kernels read
// borrowed views (BigView) and return results in a plain value type (BigNum)
// that the caller copies into a heap object.
// Invariants: every magnitude is little-endian and normalized (no high zero
// limb); zero is the empty magnitude and is never negative. Every function here
// returns normalized results and leaves its inputs untouched.
// Errors: Python errors are reported as bool/enum results and raised by the
// caller; preconditions (non-zero divisor, valid base) are the caller's job.
// Memory: results live in std::vector, so allocation failure throws
// std::bad_alloc; callers that must bound memory (pow, lshift, to_string) get
// cheap size estimates first.
// Depends on GMP's mpn layer only; nothing from src/ or jit/.
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contrail::runtime {

// A borrowed big int: sign plus normalized little-endian magnitude.
struct BigView {
  bool neg = false;
  std::span<const mp_limb_t> limbs;
};

// An owned big int; always normalized, zero is {false, {}}.
struct BigNum {
  bool neg = false;
  std::vector<mp_limb_t> limbs;

  // Borrows this number; the view dies with (or on mutation of) the BigNum.
  BigView view() const { return BigView{neg, limbs}; }
};

// CPython 3.11's default limit on decimal digits for int<->str conversion.
inline constexpr size_t kMaxStrDigits = 4300;

// -- Construction and conversion ----------------------------------------------

// Returns [v] as a big int.
BigNum big_from_int64(int64_t v);
// Returns [v] as a big int.
BigNum big_from_uint64(uint64_t v);
// Returns [v] truncated toward zero; [v] must be finite.
BigNum big_from_double(double v);
// Copies the view [a] into an owned number.
BigNum big_copy(BigView a);
// Stores [a] in [*out] and returns true if it fits an int64_t.
bool big_to_int64(BigView a, int64_t* out);
// Stores [a] correctly rounded (half to even) in [*out], as int.__float__;
// returns false when it overflows a double.
bool big_to_double(BigView a, double* out);
// Returns the number of bits in |[a]|, 0 for zero (int.bit_length()).
int64_t big_bit_length(BigView a);
// Returns true if [a] is zero.
inline bool big_is_zero(BigView a) { return a.limbs.empty(); }

// -- Arithmetic ---------------------------------------------------------------

// Returns [a] + [b].
BigNum big_add(BigView a, BigView b);
// Returns [a] - [b].
BigNum big_sub(BigView a, BigView b);
// Returns [a] * [b].
BigNum big_mul(BigView a, BigView b);
// Returns -[a].
BigNum big_neg(BigView a);
// Returns |[a]|.
BigNum big_abs(BigView a);
// Returns [a] // [b] (floor division); [b] must not be zero.
BigNum big_floordiv(BigView a, BigView b);
// Returns [a] % [b], whose sign follows [b]; [b] must not be zero.
BigNum big_mod(BigView a, BigView b);
// Stores [a] // [b] in [*quot] and [a] % [b] in [*rem]; [b] must not be zero.
void big_divmod(BigView a, BigView b, BigNum* quot, BigNum* rem);
// Returns an upper bound on the bits of [base] ** [exp] (saturating), so the
// caller can refuse absurd sizes before calling big_pow.
uint64_t big_pow_bits_upper_bound(BigView base, uint64_t exp);
// Returns [base] ** [exp].
BigNum big_pow(BigView base, uint64_t exp);
// Stores pow([base], [exp], [mod]) in [*out] with Python 3.8+ semantics: a
// negative [exp] uses the modular inverse, the result's sign follows [mod].
// Returns false when [base] is not invertible ("base is not invertible for the
// given modulus"). [mod] must not be zero.
bool big_powmod(BigView base, BigView exp, BigView mod, BigNum* out);
// Stores [a] / [b] correctly rounded in [*out], as CPython's int/int; returns
// false on overflow ("integer division result too large for a float").
// [b] must not be zero.
bool big_truediv(BigView a, BigView b, double* out);

// -- Bitwise (infinite two's complement for negatives) -------------------------

// Returns [a] & [b].
BigNum big_and(BigView a, BigView b);
// Returns [a] | [b].
BigNum big_or(BigView a, BigView b);
// Returns [a] ^ [b].
BigNum big_xor(BigView a, BigView b);
// Returns ~[a] == -[a] - 1.
BigNum big_invert(BigView a);
// Returns [a] << [n]; the caller bounds big_bit_length(a) + n first.
BigNum big_lshift(BigView a, uint64_t n);
// Returns [a] >> [n], arithmetic (floors toward negative infinity).
BigNum big_rshift(BigView a, uint64_t n);

// -- Comparison and hashing -----------------------------------------------------

// Returns -1, 0 or 1 as [a] is less than, equal to or greater than [b].
int big_compare(BigView a, BigView b);
// Compares [a] with [d] exactly; [d] may be infinite but not NaN.
int big_compare_double(BigView a, double d);
// Returns CPython's hash([a]): |a| mod 2**61-1 with a's sign, -1 mapped to -2.
int64_t big_hash(BigView a);

// -- Strings --------------------------------------------------------------------

// Returns [a] in [base] (2, 8, 10 or 16): lowercase, '-' sign, no prefix.
std::string big_to_string(BigView a, int base);
// Returns the number of decimal digits of [a] (sign excluded), exact or one
// too many; cheap (no conversion).
size_t big_decimal_digits_upper_bound(BigView a);
// Returns true if [a] has more than [limit] decimal digits (sign excluded),
// exactly, as str(int) checks against sys.get_int_max_str_digits().
bool big_decimal_digits_exceed(BigView a, size_t limit);

// Outcome of big_parse, mirroring the ValueErrors of int(s, base).
enum class BigParse : uint8_t {
  OK,
  INVALID,          // "invalid literal for int() with base N: 's'"
  TOO_MANY_DIGITS,  // "Exceeds the limit (4300 digits) ...: value has N digits"
};

// Parses [s] exactly as Python's int([s], [base]) for ASCII input: [base] is 0
// or 2..36; surrounding ASCII whitespace, a sign, 0b/0o/0x prefixes (when
// [base] is 0 or matches) and single underscores between digits are allowed.
// Base 0 rejects non-zero numbers with leading zeros. Non-power-of-two bases
// refuse more than kMaxStrDigits digits. On OK stores the value in [*out].
BigParse big_parse(std::string_view s, int base, BigNum* out);
// Returns the digit count big_parse saw in [s] (for the TOO_MANY_DIGITS
// message "value has N digits").
size_t big_parse_digit_count(std::string_view s, int base);
// Converts lexer-validated [digits] (no sign, prefix or underscores, every
// character a valid digit of [base], 2..36) to a non-negative big int.
BigNum big_parse_literal_digits(std::string_view digits, int base);

}  // namespace contrail::runtime
