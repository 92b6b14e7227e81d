// runtime/bigint_ops.cpp -- Python int semantics on GMP's mpn layer.
// Invariant: magnitudes are normalized little-endian limb arrays; every public
// result goes through make_num(), which trims high zero limbs and clears the
// sign of zero. mpn calls get the operand orders and sizes GMP requires
// (longer operand first, non-zero sizes, non-overlapping outputs).
// Floating-point conversions follow CPython's longobject.c algorithms so that
// rounding, overflow and signed zeros match bit for bit.
// Depends on <gmp.h> only (mpz is used internally for powmod and kept there).
#include "runtime/bigint_ops.h"

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <utility>

namespace contrail::runtime {

namespace {

using Limbs = std::vector<mp_limb_t>;
using LimbSpan = std::span<const mp_limb_t>;

constexpr int kLimbBits = GMP_NUMB_BITS;
static_assert(kLimbBits == 64, "bigint_ops assumes 64-bit limbs");
static_assert(GMP_NAIL_BITS == 0, "bigint_ops assumes no nail bits");

// -- Magnitude helpers ----------------------------------------------------------

void trim(Limbs& v) {
  while (!v.empty() && v.back() == 0) v.pop_back();
}

BigNum make_num(bool neg, Limbs&& limbs) {
  trim(limbs);
  BigNum r;
  r.neg = neg && !limbs.empty();
  r.limbs = std::move(limbs);
  return r;
}

mp_size_t msize(LimbSpan a) { return static_cast<mp_size_t>(a.size()); }

BigView negated(BigView a) { return BigView{!a.neg && !a.limbs.empty(), a.limbs}; }

int cmp_mag(LimbSpan a, LimbSpan b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  if (a.empty()) return 0;
  int c = mpn_cmp(a.data(), b.data(), msize(a));
  return (c > 0) - (c < 0);
}

int64_t bit_length(LimbSpan a) {
  if (a.empty()) return 0;
  return static_cast<int64_t>(a.size()) * kLimbBits - std::countl_zero(a.back());
}

Limbs add_mag(LimbSpan a, LimbSpan b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.empty()) return Limbs(a.begin(), a.end());
  Limbs r(a.size() + 1);
  r[a.size()] = mpn_add(r.data(), a.data(), msize(a), b.data(), msize(b));
  return r;
}

// Requires |a| >= |b|.
Limbs sub_mag(LimbSpan a, LimbSpan b) {
  if (b.empty()) return Limbs(a.begin(), a.end());
  Limbs r(a.size());
  mpn_sub(r.data(), a.data(), msize(a), b.data(), msize(b));
  trim(r);
  return r;
}

Limbs add_one_mag(LimbSpan a) {
  if (a.empty()) return Limbs{1};
  Limbs r(a.size() + 1);
  r[a.size()] = mpn_add_1(r.data(), a.data(), msize(a), 1);
  trim(r);
  return r;
}

// Requires a != 0.
Limbs sub_one_mag(LimbSpan a) {
  Limbs r(a.size());
  mpn_sub_1(r.data(), a.data(), msize(a), 1);
  trim(r);
  return r;
}

Limbs mul_mag(LimbSpan a, LimbSpan b) {
  if (a.empty() || b.empty()) return {};
  if (a.size() < b.size()) std::swap(a, b);
  Limbs r(a.size() + b.size());
  if (a.data() == b.data() && a.size() == b.size())
    mpn_sqr(r.data(), a.data(), msize(a));
  else
    mpn_mul(r.data(), a.data(), msize(a), b.data(), msize(b));
  trim(r);
  return r;
}

// Truncating division of magnitudes; [b] must be non-zero.
void divmod_mag(LimbSpan a, LimbSpan b, Limbs* q, Limbs* r) {
  if (a.size() < b.size()) {
    q->clear();
    r->assign(a.begin(), a.end());
    return;
  }
  q->assign(a.size() - b.size() + 1, 0);
  r->assign(b.size(), 0);
  mpn_tdiv_qr(q->data(), r->data(), 0, a.data(), msize(a), b.data(), msize(b));
  trim(*q);
  trim(*r);
}

Limbs shl_mag(LimbSpan a, uint64_t n) {
  if (a.empty()) return {};
  size_t limb_shift = n / kLimbBits;
  unsigned bit_shift = static_cast<unsigned>(n % kLimbBits);
  Limbs r(a.size() + limb_shift + 1, 0);
  if (bit_shift == 0)
    std::copy(a.begin(), a.end(), r.begin() + static_cast<ptrdiff_t>(limb_shift));
  else
    r[a.size() + limb_shift] =
        mpn_lshift(r.data() + limb_shift, a.data(), msize(a), bit_shift);
  trim(r);
  return r;
}

// Shifts right, truncating; sets [*inexact] if any one bit was shifted out.
Limbs shr_mag(LimbSpan a, uint64_t n, bool* inexact) {
  uint64_t limb_shift = n / kLimbBits;
  unsigned bit_shift = static_cast<unsigned>(n % kLimbBits);
  if (limb_shift >= a.size()) {
    *inexact = !a.empty();
    return {};
  }
  *inexact = std::any_of(a.begin(), a.begin() + static_cast<ptrdiff_t>(limb_shift),
                         [](mp_limb_t l) { return l != 0; });
  LimbSpan hi = a.subspan(limb_shift);
  Limbs r(hi.size());
  if (bit_shift == 0) {
    std::copy(hi.begin(), hi.end(), r.begin());
  } else {
    mp_limb_t out = mpn_rshift(r.data(), hi.data(), msize(hi), bit_shift);
    *inexact = *inexact || out != 0;
  }
  trim(r);
  return r;
}

Limbs mag_from_uint64(uint64_t v) {
  if (v == 0) return {};
  return Limbs{static_cast<mp_limb_t>(v)};
}

// Exact value of a magnitude with at most 53 significant bits, or a power of
// two; used after explicit rounding.
double exact_mag_to_double(LimbSpan a) {
  double d = 0.0;
  for (size_t i = a.size(); i-- > 0;) d = std::ldexp(d, kLimbBits) + static_cast<double>(a[i]);
  return d;
}

// The top 64 bits of a magnitude with [bits] >= 64 bits, with every lower bit
// OR-ed into bit 0 as a sticky bit.
uint64_t top64_sticky(LimbSpan a, int64_t bits) {
  bool sticky = false;
  Limbs top = shr_mag(a, static_cast<uint64_t>(bits - 64), &sticky);
  return top[0] | (sticky ? 1u : 0u);
}

}  // namespace

// -- Construction and conversion ----------------------------------------------

BigNum big_from_int64(int64_t v) {
  uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return make_num(v < 0, mag_from_uint64(mag));
}

BigNum big_from_uint64(uint64_t v) { return make_num(false, mag_from_uint64(v)); }

BigNum big_from_double(double v) {
  double t = std::trunc(v);
  bool neg = t < 0;
  t = std::fabs(t);
  if (t < 0x1p64) return make_num(neg, mag_from_uint64(static_cast<uint64_t>(t)));
  int exp = 0;
  double m = std::frexp(t, &exp);  // t = m * 2**exp, m in [0.5, 1)
  auto mant = static_cast<uint64_t>(std::ldexp(m, DBL_MANT_DIG));
  Limbs one{mant};
  return make_num(neg, shl_mag(one, static_cast<uint64_t>(exp - DBL_MANT_DIG)));
}

BigNum big_copy(BigView a) { return make_num(a.neg, Limbs(a.limbs.begin(), a.limbs.end())); }

bool big_to_int64(BigView a, int64_t* out) {
  if (a.limbs.size() > 1) return false;
  uint64_t mag = a.limbs.empty() ? 0 : a.limbs[0];
  if (a.neg) {
    if (mag > (uint64_t{1} << 63)) return false;
    *out = static_cast<int64_t>(0 - mag);
  } else {
    if (mag > static_cast<uint64_t>(INT64_MAX)) return false;
    *out = static_cast<int64_t>(mag);
  }
  return true;
}

bool big_to_double(BigView a, double* out) {
  int64_t bits = bit_length(a.limbs);
  double mag;
  if (bits <= DBL_MANT_DIG) {
    mag = a.limbs.empty() ? 0.0 : static_cast<double>(a.limbs[0]);
  } else if (bits > DBL_MAX_EXP) {
    return false;
  } else {
    // Round the top 64 bits (sticky-extended) to 53 bits, half to even.
    uint64_t top = bits >= 64 ? top64_sticky(a.limbs, bits) : a.limbs[0] << (64 - bits);
    constexpr int kDrop = 64 - DBL_MANT_DIG;
    constexpr uint64_t kHalf = uint64_t{1} << (kDrop - 1);
    uint64_t mant = top >> kDrop;
    uint64_t rest = top & ((uint64_t{1} << kDrop) - 1);
    if (rest > kHalf || (rest == kHalf && (mant & 1))) ++mant;
    mag = std::ldexp(static_cast<double>(mant), static_cast<int>(bits - DBL_MANT_DIG));
    if (std::isinf(mag)) return false;
  }
  *out = a.neg ? -mag : mag;
  return true;
}

int64_t big_bit_length(BigView a) { return bit_length(a.limbs); }

// -- Arithmetic ---------------------------------------------------------------

BigNum big_add(BigView a, BigView b) {
  if (a.neg == b.neg) return make_num(a.neg, add_mag(a.limbs, b.limbs));
  int c = cmp_mag(a.limbs, b.limbs);
  if (c == 0) return BigNum{};
  if (c > 0) return make_num(a.neg, sub_mag(a.limbs, b.limbs));
  return make_num(b.neg, sub_mag(b.limbs, a.limbs));
}

BigNum big_sub(BigView a, BigView b) { return big_add(a, negated(b)); }

BigNum big_mul(BigView a, BigView b) { return make_num(a.neg != b.neg, mul_mag(a.limbs, b.limbs)); }

BigNum big_neg(BigView a) { return big_copy(negated(a)); }

BigNum big_abs(BigView a) { return make_num(false, Limbs(a.limbs.begin(), a.limbs.end())); }

void big_divmod(BigView a, BigView b, BigNum* quot, BigNum* rem) {
  Limbs q, r;
  divmod_mag(a.limbs, b.limbs, &q, &r);
  bool signs_differ = a.neg != b.neg;
  if (signs_differ && !r.empty()) {
    // Truncation rounded toward zero; floor needs q - 1 and r + b.
    q = add_one_mag(q);
    r = sub_mag(b.limbs, r);
  }
  *quot = make_num(signs_differ, std::move(q));
  *rem = make_num(b.neg, std::move(r));
}

BigNum big_floordiv(BigView a, BigView b) {
  BigNum q, r;
  big_divmod(a, b, &q, &r);
  return q;
}

BigNum big_mod(BigView a, BigView b) {
  BigNum q, r;
  big_divmod(a, b, &q, &r);
  return r;
}

uint64_t big_pow_bits_upper_bound(BigView base, uint64_t exp) {
  auto bits = static_cast<uint64_t>(bit_length(base.limbs));
  if (exp == 0 || bits == 0) return 1;
  if (bits > UINT64_MAX / exp) return UINT64_MAX;
  return bits * exp;
}

namespace {

// |base| ** exp by left-to-right squaring in two preallocated buffers.
// Requires |base| >= 2 and exp >= 1; the product bound keeps every step inside
// the buffers (bits(x*y) >= bits(x) + bits(y) - 1).
Limbs pow_mag(LimbSpan base, uint64_t exp) {
  uint64_t bits = big_pow_bits_upper_bound(BigView{false, base}, exp);
  size_t cap = static_cast<size_t>(bits / kLimbBits) + 3;
  Limbs r(cap), t(cap);
  std::copy(base.begin(), base.end(), r.begin());
  mp_size_t rn = msize(base), bn = msize(base);
  for (int i = 62 - std::countl_zero(exp); i >= 0; --i) {
    mpn_sqr(t.data(), r.data(), rn);
    rn *= 2;
    while (t[static_cast<size_t>(rn) - 1] == 0) --rn;
    std::swap(r, t);
    if ((exp >> i) & 1) {
      mpn_mul(t.data(), r.data(), rn, base.data(), bn);
      rn += bn;
      while (t[static_cast<size_t>(rn) - 1] == 0) --rn;
      std::swap(r, t);
    }
  }
  r.resize(static_cast<size_t>(rn));
  return r;
}

bool is_power_of_two(LimbSpan a) {
  return !a.empty() && mpn_popcount(a.data(), msize(a)) == 1;
}

}  // namespace

BigNum big_pow(BigView base, uint64_t exp) {
  bool neg = base.neg && (exp & 1);
  if (exp == 0) return big_from_int64(1);
  if (base.limbs.empty()) return BigNum{};
  if (base.limbs.size() == 1 && base.limbs[0] == 1) return make_num(neg, Limbs{1});
  if (is_power_of_two(base.limbs)) {
    uint64_t k = static_cast<uint64_t>(bit_length(base.limbs)) - 1;
    return make_num(neg, shl_mag(Limbs{1}, k * exp));
  }
  return make_num(neg, pow_mag(base.limbs, exp));
}

namespace {

// Read-only mpz aliasing a view; valid while the view's storage lives.
mpz_srcptr mpz_view(mpz_t z, BigView a) {
  static const mp_limb_t kZeroLimb = 0;  // never hand GMP a null limb pointer
  mp_size_t n = msize(a.limbs);
  const mp_limb_t* p = n == 0 ? &kZeroLimb : a.limbs.data();
  return mpz_roinit_n(z, p, a.neg ? -n : n);
}

BigNum num_from_mpz(mpz_srcptr z) {
  const mp_limb_t* p = mpz_limbs_read(z);
  Limbs limbs(p, p + mpz_size(z));
  return make_num(mpz_sgn(z) < 0, std::move(limbs));
}

}  // namespace

bool big_powmod(BigView base, BigView exp, BigView mod, BigNum* out) {
  // Order follows CPython's long_pow: |mod| == 1 short-circuits before the
  // invertibility check, so pow(0, -1, 1) == 0.
  if (mod.limbs.size() == 1 && mod.limbs[0] == 1) {
    *out = BigNum{};
    return true;
  }
  mpz_t zb, ze, zm, b, r;
  mpz_srcptr pb = mpz_view(zb, base);
  mpz_srcptr pe = mpz_view(ze, BigView{false, exp.limbs});
  mpz_srcptr pm = mpz_view(zm, BigView{false, mod.limbs});
  mpz_inits(b, r, nullptr);
  mpz_mod(b, pb, pm);
  bool ok = !exp.neg || mpz_invert(b, b, pm) != 0;
  if (ok) {
    mpz_powm(r, b, pe, pm);
    if (mod.neg && mpz_sgn(r) != 0) mpz_sub(r, r, pm);
    *out = num_from_mpz(r);
  }
  mpz_clears(b, r, nullptr);
  return ok;
}

namespace {

// Rounds the scaled quotient [q] (2 or 3 bits beyond double precision, plus
// the [inexact] sticky bit) half to even in place, as CPython does by hand.
void round_quotient(Limbs& q, int64_t extra_bits, bool inexact) {
  mp_limb_t mask = mp_limb_t{1} << (extra_bits - 1);
  mp_limb_t low = q[0] | (inexact ? 1u : 0u);
  if ((low & mask) && (low & (3 * mask - 1))) {
    q[0] = low;
    q.push_back(0);
    mpn_add_1(q.data(), q.data(), msize(q), mask);
    trim(q);
  }
  q[0] &= ~(2 * mask - 1);
}

// |a| / |b| for operands too big for the double fast path (CPython's
// long_true_divide, steps 1-4): scale a so the quotient has 55-56 bits, divide,
// round, rescale. Returns false on overflow.
bool truediv_mag(LimbSpan a, LimbSpan b, double* out) {
  int64_t diff = bit_length(a) - bit_length(b);
  if (diff > DBL_MAX_EXP) return false;
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
    *out = 0.0;
    return true;
  }
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  Limbs x = shift <= 0 ? shl_mag(a, static_cast<uint64_t>(-shift))
                       : shr_mag(a, static_cast<uint64_t>(shift), &inexact);
  Limbs q, rem;
  divmod_mag(x, b, &q, &rem);
  inexact = inexact || !rem.empty();
  int64_t x_bits = bit_length(q);
  round_quotient(q, std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG, inexact);
  double dx = exact_mag_to_double(q);
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_bits))))
    return false;
  *out = std::ldexp(dx, static_cast<int>(shift));
  return true;
}

}  // namespace

bool big_truediv(BigView a, BigView b, double* out) {
  // Zero keeps the quotient's sign: 0 / -5 == -0.0, as in CPython.
  bool negate = a.neg != b.neg;
  double mag = 0.0;
  if (a.limbs.empty()) {
    mag = 0.0;
  } else if (bit_length(a.limbs) <= DBL_MANT_DIG && bit_length(b.limbs) <= DBL_MANT_DIG) {
    // Both exact as doubles, so IEEE division is already correctly rounded.
    mag = static_cast<double>(a.limbs[0]) / static_cast<double>(b.limbs[0]);
  } else if (!truediv_mag(a.limbs, b.limbs, &mag)) {
    return false;
  }
  *out = negate ? -mag : mag;
  return true;
}

// -- Bitwise ------------------------------------------------------------------

namespace {

enum class BitOp : uint8_t { AND, OR, XOR };

bool apply_bit(BitOp op, bool x, bool y) {
  switch (op) {
    case BitOp::AND: return x && y;
    case BitOp::OR: return x || y;
    case BitOp::XOR: return x != y;
  }
  return false;
}

// Two's complement image of [a] in [n] limbs: |a| for a >= 0, ~(|a| - 1) for
// a < 0 (the infinite 1-bits above are implied by a.neg).
Limbs twos_image(BigView a, size_t n) {
  Limbs v = a.neg ? sub_one_mag(a.limbs) : Limbs(a.limbs.begin(), a.limbs.end());
  v.resize(n, 0);
  if (a.neg) mpn_com(v.data(), v.data(), static_cast<mp_size_t>(n));
  return v;
}

BigNum bitwise(BitOp op, BigView a, BigView b) {
  size_t n = std::max(a.limbs.size(), b.limbs.size());
  if (n == 0) return BigNum{};
  Limbs x = twos_image(a, n), y = twos_image(b, n);
  auto sn = static_cast<mp_size_t>(n);
  switch (op) {
    case BitOp::AND: mpn_and_n(x.data(), x.data(), y.data(), sn); break;
    case BitOp::OR: mpn_ior_n(x.data(), x.data(), y.data(), sn); break;
    case BitOp::XOR: mpn_xor_n(x.data(), x.data(), y.data(), sn); break;
  }
  bool neg = apply_bit(op, a.neg, b.neg);
  if (!neg) return make_num(false, std::move(x));
  // Negative result: magnitude is ~x + 1 over n limbs, possibly carrying out.
  mpn_com(x.data(), x.data(), sn);
  x.push_back(mpn_add_1(x.data(), x.data(), sn, 1));
  return make_num(true, std::move(x));
}

}  // namespace

BigNum big_and(BigView a, BigView b) {
  if (!a.neg && !b.neg) {
    size_t n = std::min(a.limbs.size(), b.limbs.size());
    if (n == 0) return BigNum{};
    Limbs r(n);
    mpn_and_n(r.data(), a.limbs.data(), b.limbs.data(), static_cast<mp_size_t>(n));
    return make_num(false, std::move(r));
  }
  return bitwise(BitOp::AND, a, b);
}

BigNum big_or(BigView a, BigView b) { return bitwise(BitOp::OR, a, b); }

BigNum big_xor(BigView a, BigView b) { return bitwise(BitOp::XOR, a, b); }

BigNum big_invert(BigView a) {
  // ~a == -(a + 1): for a >= 0 that is -(|a| + 1), for a < 0 it is |a| - 1.
  if (a.neg) return make_num(false, sub_one_mag(a.limbs));
  return make_num(true, add_one_mag(a.limbs));
}

BigNum big_lshift(BigView a, uint64_t n) { return make_num(a.neg, shl_mag(a.limbs, n)); }

BigNum big_rshift(BigView a, uint64_t n) {
  // floor(-m / 2**n) == -ceil(m / 2**n) == -((m >> n) + any bit shifted out).
  bool inexact = false;
  Limbs r = shr_mag(a.limbs, n, &inexact);
  if (a.neg && inexact) r = add_one_mag(r);
  return make_num(a.neg, std::move(r));
}

// -- Comparison and hashing -----------------------------------------------------

int big_compare(BigView a, BigView b) {
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  int c = cmp_mag(a.limbs, b.limbs);
  return a.neg ? -c : c;
}

int big_compare_double(BigView a, double d) {
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  // Beyond DBL_MAX_EXP bits |a| exceeds every finite double.
  if (bit_length(a.limbs) > DBL_MAX_EXP) return a.neg ? -1 : 1;
  double whole = std::trunc(d);
  BigNum w = big_from_double(whole);
  int c = big_compare(a, w.view());
  if (c != 0) return c;
  double frac = d - whole;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

int64_t big_hash(BigView a) {
  constexpr mp_limb_t kModulus = (mp_limb_t{1} << 61) - 1;  // CPython _PyHASH_MODULUS
  if (a.limbs.empty()) return 0;
  auto h = static_cast<int64_t>(mpn_mod_1(a.limbs.data(), msize(a.limbs), kModulus));
  if (a.neg) h = -h;
  return h == -1 ? -2 : h;
}

// -- Strings --------------------------------------------------------------------

std::string big_to_string(BigView a, int base) {
  if (a.limbs.empty()) return "0";
  size_t cap = mpn_sizeinbase(a.limbs.data(), msize(a.limbs), base) + 2;
  std::string raw(cap, '\0');
  Limbs scratch(a.limbs.size() + 1);  // mpn_get_str clobbers its input
  std::copy(a.limbs.begin(), a.limbs.end(), scratch.begin());
  auto* p = reinterpret_cast<unsigned char*>(raw.data());
  size_t n = mpn_get_str(p, base, scratch.data(), msize(a.limbs));
  size_t skip = 0;
  while (skip + 1 < n && p[skip] == 0) ++skip;
  std::string out;
  out.reserve(n - skip + 1);
  if (a.neg) out.push_back('-');
  for (size_t i = skip; i < n; ++i) out.push_back("0123456789abcdef"[p[i]]);
  return out;
}

size_t big_decimal_digits_upper_bound(BigView a) {
  if (a.limbs.empty()) return 1;
  return mpn_sizeinbase(a.limbs.data(), msize(a.limbs), 10);
}

bool big_decimal_digits_exceed(BigView a, size_t limit) {
  size_t bound = big_decimal_digits_upper_bound(a);
  if (bound <= limit) return false;
  if (bound > limit + 1) return true;
  // bound == limit + 1 may be one too many: exceed iff |a| >= 10**limit.
  BigNum p = big_pow(big_from_int64(10).view(), limit);
  return cmp_mag(a.limbs, p.limbs) >= 0;
}

namespace {

bool is_py_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// CPython's _PyLong_DigitValue: 0-9, a-z/A-Z as 10-35, everything else 37.
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

bool is_pow2_base(int base) { return (base & (base - 1)) == 0; }

// What PyLong_FromString learns before converting any digit.
struct Scan {
  BigParse status = BigParse::INVALID;
  bool neg = false;
  bool error_if_nonzero = false;  // base 0 with a leading '0' and no prefix
  int base = 0;
  std::string_view run;           // digits with their single underscores
  size_t digit_count = 0;
};

char at(std::string_view s, size_t i) { return i < s.size() ? s[i] : '\0'; }

// Resolves base 0 and skips a matching 0b/0o/0x prefix plus one underscore.
size_t scan_prefix(std::string_view s, size_t i, Scan* sc) {
  char c0 = at(s, i), c1 = static_cast<char>(at(s, i + 1) | 0x20);
  if (sc->base == 0) {
    if (c0 != '0') sc->base = 10;
    else if (c1 == 'x') sc->base = 16;
    else if (c1 == 'o') sc->base = 8;
    else if (c1 == 'b') sc->base = 2;
    else {
      sc->error_if_nonzero = true;
      sc->base = 10;
    }
  }
  bool prefixed = c0 == '0' && ((sc->base == 16 && c1 == 'x') ||
                                (sc->base == 8 && c1 == 'o') || (sc->base == 2 && c1 == 'b'));
  if (!prefixed) return i;
  i += 2;
  return at(s, i) == '_' ? i + 1 : i;
}

// Mirrors the order of CPython 3.11's checks: underscores, then the digit
// limit, then emptiness and trailing garbage (so "1"*5000 + "x" is a limit
// error, not an invalid literal).
Scan scan_int(std::string_view s, int base) {
  Scan sc;
  sc.base = base;
  if (base != 0 && (base < 2 || base > 36)) return sc;
  size_t i = 0;
  while (i < s.size() && is_py_space(s[i])) ++i;
  if (at(s, i) == '+' || at(s, i) == '-') sc.neg = s[i++] == '-';
  i = scan_prefix(s, i, &sc);
  if (at(s, i) == '_') return sc;
  size_t start = i;
  char prev = '\0';
  for (; i < s.size() && (digit_value(s[i]) < sc.base || s[i] == '_'); ++i) {
    if (s[i] == '_' && prev == '_') return sc;
    if (s[i] != '_') ++sc.digit_count;
    prev = s[i];
  }
  if (prev == '_') return sc;
  sc.run = s.substr(start, i - start);
  if (!is_pow2_base(sc.base) && sc.digit_count > kMaxStrDigits) {
    sc.status = BigParse::TOO_MANY_DIGITS;
    return sc;
  }
  if (sc.digit_count == 0) return sc;
  while (i < s.size() && is_py_space(s[i])) ++i;
  if (i == s.size()) sc.status = BigParse::OK;
  return sc;
}

// Converts raw digit values (most significant first) to a magnitude.
Limbs mag_from_raw_digits(std::vector<unsigned char>& raw, int base) {
  auto first = std::find_if(raw.begin(), raw.end(), [](unsigned char d) { return d != 0; });
  if (first == raw.end()) return {};
  size_t n = static_cast<size_t>(raw.end() - first);
  // Room for base**n plus the extra limb mpn_set_str wants (6 bits/digit max).
  size_t bits_per_digit = static_cast<size_t>(std::bit_width(static_cast<unsigned>(base - 1)));
  Limbs r(n * bits_per_digit / kLimbBits + 2);
  mp_size_t rn = mpn_set_str(r.data(), &*first, n, base);
  r.resize(static_cast<size_t>(rn));
  return r;
}

}  // namespace

BigParse big_parse(std::string_view s, int base, BigNum* out) {
  Scan sc = scan_int(s, base);
  if (sc.status != BigParse::OK) return sc.status;
  std::vector<unsigned char> raw;
  raw.reserve(sc.digit_count);
  for (char c : sc.run)
    if (c != '_') raw.push_back(static_cast<unsigned char>(digit_value(c)));
  Limbs mag = mag_from_raw_digits(raw, sc.base);
  if (sc.error_if_nonzero && !mag.empty()) return BigParse::INVALID;
  *out = make_num(sc.neg, std::move(mag));
  return BigParse::OK;
}

size_t big_parse_digit_count(std::string_view s, int base) { return scan_int(s, base).digit_count; }

BigNum big_parse_literal_digits(std::string_view digits, int base) {
  std::vector<unsigned char> raw(digits.size());
  for (size_t i = 0; i < digits.size(); ++i)
    raw[i] = static_cast<unsigned char>(digit_value(digits[i]));
  return make_num(false, mag_from_raw_digits(raw, base));
}

}  // namespace contrail::runtime
