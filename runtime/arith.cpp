// runtime/arith.cpp -- The number tower: int (small and big), bool and float.
// Dispatch: both operands are classified (SMALL covers small ints and bools,
// whose payload is 0/1; BIG is a BigInt; FLOAT an unboxed double). Two small
// ints and two floats take switch-only fast paths that never allocate; a float
// on either side converts the other operand (CPython's CONVERT_TO_DOUBLE, so a
// huge int raises "int too large to convert to float" before any zero check);
// everything else goes through the GMP kernels of bigint_ops.h.
// Invariants:
//  - Results are normalised ints (make_int / int_from_big), floats, or bools
//    only for bool & | ^ bool.
//  - Views into BigInt operands stay valid across allocation: the caller keeps
//    the operands rooted and the GC never moves objects.
//  - Kernel memory failure (std::bad_alloc) becomes MemoryError here; sizes of
//    **, << and round() are bounded by kMaxIntBits before computing.
// Float semantics follow CPython's floatobject.c (float_rem, float_divmod,
// float_pow, _Py_HashDouble) line by line where signs of zeros matter.
#include "runtime/arith.h"

#include <cmath>
#include <cstring>
#include <new>
#include <string>

#include "runtime/bigint_ops.h"
#include "runtime/float_format.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// float_rem: the remainder takes the sign of the divisor; [wx] != 0.
double float_mod(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

// float_divmod: floor quotient snapped to an integral value; [wx] != 0.
void float_divmod(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double q;
  if (div != 0.0) {
    q = std::floor(div);
    if (div - q > 0.5) q += 1.0;
  } else {
    q = std::copysign(0.0, vx / wx);
  }
  *floordiv = q;
  *mod = m;
}


namespace {

enum class Num : uint8_t { NONE, SMALL, BIG, FLOAT };

inline Num classify(Vm& vm, Value v) {
  if (v.is_double()) return Num::FLOAT;
  if (v.is_small_int() || v.is_bool()) return Num::SMALL;
  if (v.is_obj() && v.as_obj()->klass == vm.types.int_) return Num::BIG;
  return Num::NONE;
}

// Payload of a small int or bool (a bool's payload is 0 or 1).
inline int64_t small_of(Value v) { return v.as_small_int(); }

inline BigView big_of(Value v) { return v.as<BigInt>()->view(); }

// An int Value for any int64, without a call on the common small path.
inline Value make_int(Vm& vm, int64_t i) {
  if (Value::fits_small_int(i)) return Value::small_int(i);
  return int_from_big(vm, big_from_int64(i));
}

inline BinOp plain_op(BinOp op) {
  int o = static_cast<int>(op);
  return o >= kBinOpInplaceOffset ? static_cast<BinOp>(o - kBinOpInplaceOffset) : op;
}

Value raise_zero(Vm& vm, const char* msg) { return raise(vm, vm.types.ZeroDivisionError, msg); }
Value raise_overflow(Vm& vm, const char* msg) { return raise(vm, vm.types.OverflowError, msg); }
Value raise_value_error(Vm& vm, const char* msg) { return raise(vm, vm.types.ValueError, msg); }
Value raise_memory(Vm& vm) { return raise_value(vm, vm.memory_error); }

// OverflowError(34, 'Numerical result out of range'), as PyErr_SetFromErrno(ERANGE).
Value raise_erange(Vm& vm) {
  RootValue msg(vm, str_new(vm, "Numerical result out of range"));
  CT_TRY(msg.get());
  Value args = tuple_new(vm, 2);
  CT_TRY(args);
  args.as<Tuple>()->items[0] = Value::small_int(34);
  args.as<Tuple>()->items[1] = msg;
  RootValue rargs(vm, args);
  Value exc = exception_with_args(vm, vm.types.OverflowError, rargs);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

// A 2-tuple (a, b); both are rooted here across the allocation.
Value make_pair(Vm& vm, Value a, Value b) {
  RootValue ra(vm, a), rb(vm, b);
  Value t = tuple_new(vm, 2);
  CT_TRY(t);
  t.as<Tuple>()->items[0] = ra;
  t.as<Tuple>()->items[1] = rb;
  return t;
}

bool is_bit_op(BinOp op) { return op == BinOp::AND || op == BinOp::OR || op == BinOp::XOR; }

// Operators a float takes part in.
bool is_float_op(BinOp op) {
  switch (op) {
    case BinOp::ADD: case BinOp::SUB: case BinOp::MUL: case BinOp::TRUEDIV:
    case BinOp::FLOORDIV: case BinOp::MOD: case BinOp::POW:
      return true;
    default:
      return false;
  }
}

Value cmp_result(int c, CmpOp op) {
  switch (op) {
    case CmpOp::LT: return Value::boolean(c < 0);
    case CmpOp::LE: return Value::boolean(c <= 0);
    case CmpOp::EQ: return Value::boolean(c == 0);
    case CmpOp::NE: return Value::boolean(c != 0);
    case CmpOp::GT: return Value::boolean(c > 0);
    case CmpOp::GE: return Value::boolean(c >= 0);
  }
  return Value::boolean(false);
}

// IEEE comparison: every comparison with nan is false except !=.
Value cmp_doubles(double x, double y, CmpOp op) {
  switch (op) {
    case CmpOp::LT: return Value::boolean(x < y);
    case CmpOp::LE: return Value::boolean(x <= y);
    case CmpOp::EQ: return Value::boolean(x == y);
    case CmpOp::NE: return Value::boolean(x != y);
    case CmpOp::GT: return Value::boolean(x > y);
    case CmpOp::GE: return Value::boolean(x >= y);
  }
  return Value::boolean(false);
}

// -- Float kernels (floatobject.c) ---------------------------------------------

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

// float_pow's special cases, then the platform pow on a positive base.
Value float_pow(Vm& vm, double iv, double iw) {
  if (iw == 0.0) return Value::from_double(1.0);
  if (std::isnan(iv)) return Value::from_double(iv);
  if (std::isnan(iw)) return Value::from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return Value::from_double(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return Value::from_double(std::fabs(iw));
    return Value::from_double(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return Value::from_double(odd ? iv : std::fabs(iv));
    return Value::from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) return raise_zero(vm, "0.0 cannot be raised to a negative power");
    return Value::from_double(is_odd_integer(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    // CPython returns a complex number here; Contrail has no complex type.
    if (iw != std::floor(iw))
      return raise_value_error(vm, "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return Value::from_double(negate ? -1.0 : 1.0);
  double ix = std::pow(iv, iw);  // finite positive base != 1: inf only on overflow
  if (std::isinf(ix)) return raise_erange(vm);
  return Value::from_double(negate ? -ix : ix);
}

Value float_binary(Vm& vm, double x, double y, BinOp op) {
  switch (op) {
    case BinOp::ADD: return Value::from_double(x + y);
    case BinOp::SUB: return Value::from_double(x - y);
    case BinOp::MUL: return Value::from_double(x * y);
    case BinOp::TRUEDIV:
      if (y == 0.0) return raise_zero(vm, "float division by zero");
      return Value::from_double(x / y);
    case BinOp::FLOORDIV: {
      if (y == 0.0) return raise_zero(vm, "float floor division by zero");
      double q, m;
      float_divmod(x, y, &q, &m);
      return Value::from_double(q);
    }
    case BinOp::MOD:
      if (y == 0.0) return raise_zero(vm, "float modulo");
      return Value::from_double(float_mod(x, y));
    case BinOp::POW: return float_pow(vm, x, y);
    default: return vm.singleton_not_implemented;
  }
}

// A float operator with at least one int operand: both become doubles first.
Value mixed_float_binary(Vm& vm, Value a, Value b, BinOp op) {
  if (!is_float_op(op)) return vm.singleton_not_implemented;
  double x, y;
  if (!arith_to_double(vm, a, &x) || !arith_to_double(vm, b, &y)) return Value::exception();
  return float_binary(vm, x, y, op);
}

// -- Int kernels ---------------------------------------------------------------

// x ** y (y >= 0) in int64; false on overflow.
bool small_pow(int64_t x, int64_t y, int64_t* out) {
  int64_t result = 1, base = x;
  for (;;) {
    if ((y & 1) && __builtin_mul_overflow(result, base, &result)) return false;
    y >>= 1;
    if (y == 0) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

// [x] ** [y] for y >= 0, refusing results beyond kMaxIntBits.
Value int_pow(Vm& vm, BigView x, BigView y) {
  if (big_is_zero(y)) return Value::small_int(1);
  int64_t bx;
  if (big_to_int64(x, &bx) && bx >= -1 && bx <= 1) {
    if (bx == -1 && (y.limbs[0] & 1) == 0) return Value::small_int(1);
    return Value::small_int(bx);
  }
  int64_t e;
  if (!big_to_int64(y, &e)) return raise_memory(vm);
  if (big_pow_bits_upper_bound(x, static_cast<uint64_t>(e)) > kMaxIntBits) return raise_memory(vm);
  return int_from_big(vm, big_pow(x, static_cast<uint64_t>(e)));
}

// int ** int: a negative exponent gives a float, as CPython's long_pow.
Value int_pow_value(Vm& vm, Value a, Value b, BigView x, BigView y) {
  if (y.neg) {
    double dx, dy;
    if (!arith_to_double(vm, a, &dx) || !arith_to_double(vm, b, &dy)) return Value::exception();
    return float_pow(vm, dx, dy);
  }
  return int_pow(vm, x, y);
}

Value lshift_big(Vm& vm, BigView x, BigView y) {
  if (y.neg) return raise_value_error(vm, "negative shift count");
  if (big_is_zero(x)) return Value::small_int(0);
  int64_t n;
  if (!big_to_int64(y, &n)) return raise_overflow(vm, "too many digits in integer");
  if (static_cast<uint64_t>(n) > kMaxIntBits - static_cast<uint64_t>(big_bit_length(x)))
    return raise_memory(vm);
  return int_from_big(vm, big_lshift(x, static_cast<uint64_t>(n)));
}

Value rshift_big(Vm& vm, BigView x, BigView y) {
  if (y.neg) return raise_value_error(vm, "negative shift count");
  int64_t n;
  if (!big_to_int64(y, &n)) return Value::small_int(x.neg ? -1 : 0);
  return int_from_big(vm, big_rshift(x, static_cast<uint64_t>(n)));
}

Value big_binary_unguarded(Vm& vm, Value a, Value b, BinOp op) {
  BigNum ta, tb;
  BigView x = int_view(a, ta), y = int_view(b, tb);
  switch (op) {
    case BinOp::ADD: return int_from_big(vm, big_add(x, y));
    case BinOp::SUB: return int_from_big(vm, big_sub(x, y));
    case BinOp::MUL: return int_from_big(vm, big_mul(x, y));
    case BinOp::TRUEDIV: {
      if (big_is_zero(y)) return raise_zero(vm, "division by zero");
      double d;
      if (!big_truediv(x, y, &d)) return raise_overflow(vm, "integer division result too large for a float");
      return Value::from_double(d);
    }
    case BinOp::FLOORDIV:
      if (big_is_zero(y)) return raise_zero(vm, "integer division or modulo by zero");
      return int_from_big(vm, big_floordiv(x, y));
    case BinOp::MOD:
      if (big_is_zero(y)) return raise_zero(vm, "integer modulo by zero");
      return int_from_big(vm, big_mod(x, y));
    case BinOp::POW: return int_pow_value(vm, a, b, x, y);
    case BinOp::LSHIFT: return lshift_big(vm, x, y);
    case BinOp::RSHIFT: return rshift_big(vm, x, y);
    case BinOp::AND: return int_from_big(vm, big_and(x, y));
    case BinOp::OR: return int_from_big(vm, big_or(x, y));
    case BinOp::XOR: return int_from_big(vm, big_xor(x, y));
    default: return vm.singleton_not_implemented;
  }
}

// The general int path: any mix of small ints, bools and BigInts.
Value big_binary(Vm& vm, Value a, Value b, BinOp op) {
  try {
    return big_binary_unguarded(vm, a, b, op);
  } catch (const std::bad_alloc&) {
    return raise_memory(vm);
  }
}

Value small_floordiv(Vm& vm, int64_t x, int64_t y) {
  if (y == 0) return raise_zero(vm, "integer division or modulo by zero");
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return make_int(vm, q);  // kSmallIntMin // -1 leaves the small range
}

Value small_mod(Vm& vm, int64_t x, int64_t y) {
  if (y == 0) return raise_zero(vm, "integer modulo by zero");
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return Value::small_int(r);
}

Value small_lshift(Vm& vm, Value a, Value b, int64_t x, int64_t y) {
  if (y < 0) return raise_value_error(vm, "negative shift count");
  if (x == 0) return Value::small_int(0);
  if (y < 63) {
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << y);
    if ((r >> y) == x) return make_int(vm, r);
  }
  return big_binary(vm, a, b, BinOp::LSHIFT);
}

// Two small ints (or bools) [a] = x and [b] = y.
Value small_binary(Vm& vm, Value a, Value b, int64_t x, int64_t y, BinOp op) {
  int64_t r;
  switch (op) {
    case BinOp::ADD: return make_int(vm, x + y);  // 48-bit operands: no int64 overflow
    case BinOp::SUB: return make_int(vm, x - y);
    case BinOp::MUL:
      if (!__builtin_mul_overflow(x, y, &r)) return make_int(vm, r);
      return big_binary(vm, a, b, op);
    case BinOp::TRUEDIV:  // |x|, |y| < 2**53: both conversions exact, one rounding
      if (y == 0) return raise_zero(vm, "division by zero");
      return Value::from_double(static_cast<double>(x) / static_cast<double>(y));
    case BinOp::FLOORDIV: return small_floordiv(vm, x, y);
    case BinOp::MOD: return small_mod(vm, x, y);
    case BinOp::POW:
      if (y < 0) return float_pow(vm, static_cast<double>(x), static_cast<double>(y));
      if (small_pow(x, y, &r)) return make_int(vm, r);
      return big_binary(vm, a, b, op);
    case BinOp::LSHIFT: return small_lshift(vm, a, b, x, y);
    case BinOp::RSHIFT:
      if (y < 0) return raise_value_error(vm, "negative shift count");
      return Value::small_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case BinOp::AND: return Value::small_int(x & y);
    case BinOp::OR: return Value::small_int(x | y);
    case BinOp::XOR: return Value::small_int(x ^ y);
    default: return vm.singleton_not_implemented;
  }
}

// -- Rounding ------------------------------------------------------------------

// ndigits as PyNumber_AsSsize_t(ndigits, NULL): an int, clamped to int64.
bool ndigits_of(Vm& vm, Value nd, int64_t* out) {
  if (!is_int_like(vm, nd)) {
    raise(vm, vm.types.TypeError,
          "'" + std::string(type_name(vm, nd)) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (int_to_int64(nd, out)) return true;
  *out = big_of(nd).neg ? INT64_MIN : INT64_MAX;
  return true;
}

// round(x, -m) for an int [x] and m >= 1: half-even to a multiple of 10**m.
Value round_int(Vm& vm, Value x, uint64_t m) {
  if (x.is_small_int() && m <= 18) {
    int64_t v = x.as_small_int(), p = 1;
    for (uint64_t i = 0; i < m; ++i) p *= 10;
    int64_t q = v / p, r = v % p;
    if (r < 0) { r += p; --q; }
    if (2 * r > p || (2 * r == p && (q & 1))) ++q;
    return make_int(vm, q * p);
  }
  BigNum tx;
  BigView vx = int_view(x, tx);
  // |x| < 10**digits <= 10**(m-1) < 10**m / 2 rounds to 0.
  if (m > big_decimal_digits_upper_bound(vx)) return Value::small_int(0);
  BigNum p = big_pow(big_from_int64(10).view(), m);
  BigNum q, r;
  big_divmod(vx, p.view(), &q, &r);
  BigNum twice = big_add(r.view(), r.view());
  int c = big_compare(twice.view(), p.view());
  bool odd = !q.limbs.empty() && (q.limbs[0] & 1) != 0;
  if (c > 0 || (c == 0 && odd)) q = big_add(q.view(), big_from_int64(1).view());
  return int_from_big(vm, big_mul(q.view(), p.view()));
}

// float.__round__(ndigits) for a present ndigits.
Value round_float_digits(Vm& vm, double x, int64_t ndigits) {
  constexpr int64_t kNdigitsMax = 323, kNdigitsMin = -308;  // CPython's NDIGITS_MAX/MIN
  if (ndigits > kNdigitsMax) return Value::from_double(x);
  if (ndigits < kNdigitsMin) return Value::from_double(0.0 * x);
  double r = float_round(x, static_cast<int>(ndigits));
  if (std::isinf(r) && std::isfinite(x))
    return raise_overflow(vm, "rounded value too large to represent");
  return Value::from_double(r);
}

}  // namespace

// -- Public API ----------------------------------------------------------------

bool arith_is_number(Vm& vm, Value v) { return classify(vm, v) != Num::NONE; }

bool arith_to_double(Vm& vm, Value v, double* out) {
  switch (classify(vm, v)) {
    case Num::FLOAT: *out = v.as_double(); return true;
    case Num::SMALL: *out = static_cast<double>(small_of(v)); return true;
    case Num::BIG:
      if (big_to_double(big_of(v), out)) return true;
      raise_overflow(vm, "int too large to convert to float");
      return false;
    case Num::NONE: break;
  }
  raise(vm, vm.types.TypeError, "must be real number, not " + std::string(type_name(vm, v)));
  return false;
}

Value arith_float_to_int(Vm& vm, double d) {
  if (std::isnan(d)) return raise_value_error(vm, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise_overflow(vm, "cannot convert float infinity to integer");
  if (std::fabs(d) < 140737488355328.0) return Value::small_int(static_cast<int64_t>(d));  // 2**47
  return int_from_big(vm, big_from_double(d));
}

Value arith_binary(Vm& vm, Value a, Value b, BinOp op) {
  op = plain_op(op);
  if (a.is_small_int() && b.is_small_int())
    return small_binary(vm, a, b, a.as_small_int(), b.as_small_int(), op);
  if (a.is_double() && b.is_double()) return float_binary(vm, a.as_double(), b.as_double(), op);
  Num ka = classify(vm, a), kb = classify(vm, b);
  if (ka == Num::NONE || kb == Num::NONE || op == BinOp::MATMUL) return vm.singleton_not_implemented;
  if (ka == Num::FLOAT || kb == Num::FLOAT) return mixed_float_binary(vm, a, b, op);
  if (a.is_bool() && b.is_bool() && is_bit_op(op)) {
    bool x = a.as_bool(), y = b.as_bool();
    return Value::boolean(op == BinOp::AND ? (x && y) : op == BinOp::OR ? (x || y) : (x != y));
  }
  if (ka == Num::SMALL && kb == Num::SMALL) return small_binary(vm, a, b, small_of(a), small_of(b), op);
  return big_binary(vm, a, b, op);
}

Value arith_pow3(Vm& vm, Value base, Value exp, Value mod) {
  Num kb = classify(vm, base), ke = classify(vm, exp), km = classify(vm, mod);
  if (kb == Num::NONE || ke == Num::NONE || km == Num::NONE) return vm.singleton_not_implemented;
  if (kb == Num::FLOAT || ke == Num::FLOAT || km == Num::FLOAT)
    return raise(vm, vm.types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  try {
    BigNum tb, te, tm;
    BigView m = int_view(mod, tm);
    if (big_is_zero(m)) return raise_value_error(vm, "pow() 3rd argument cannot be 0");
    BigNum out;
    if (!big_powmod(int_view(base, tb), int_view(exp, te), m, &out))
      return raise_value_error(vm, "base is not invertible for the given modulus");
    return int_from_big(vm, out);
  } catch (const std::bad_alloc&) {
    return raise_memory(vm);
  }
}

Value arith_compare(Vm& vm, Value a, Value b, CmpOp op) {
  Num ka = classify(vm, a), kb = classify(vm, b);
  if (ka == Num::NONE || kb == Num::NONE) return vm.singleton_not_implemented;
  if (ka == Num::SMALL && kb == Num::SMALL) {
    int64_t x = small_of(a), y = small_of(b);
    return cmp_result(x < y ? -1 : x > y ? 1 : 0, op);
  }
  if (ka == Num::FLOAT && kb == Num::FLOAT) return cmp_doubles(a.as_double(), b.as_double(), op);
  // Small ints are exact doubles (|i| < 2**47).
  if (ka == Num::FLOAT && kb == Num::SMALL)
    return cmp_doubles(a.as_double(), static_cast<double>(small_of(b)), op);
  if (ka == Num::SMALL && kb == Num::FLOAT)
    return cmp_doubles(static_cast<double>(small_of(a)), b.as_double(), op);
  if (ka == Num::FLOAT || kb == Num::FLOAT) {  // BigInt vs float, compared exactly
    double d = ka == Num::FLOAT ? a.as_double() : b.as_double();
    if (std::isnan(d)) return Value::boolean(op == CmpOp::NE);
    int c = big_compare_double(big_of(ka == Num::BIG ? a : b), d);
    return cmp_result(ka == Num::FLOAT ? -c : c, op);
  }
  // A BigInt lies outside the small range, so its sign decides against a small int.
  if (ka == Num::SMALL) return cmp_result(big_of(b).neg ? 1 : -1, op);
  if (kb == Num::SMALL) return cmp_result(big_of(a).neg ? -1 : 1, op);
  return cmp_result(big_compare(big_of(a), big_of(b)), op);
}

namespace {

Value unary_type_error(Vm& vm, Value v, const char* what) {
  return raise(vm, vm.types.TypeError,
               std::string("bad operand type for ") + what + ": '" + std::string(type_name(vm, v)) + "'");
}

template <class F>
Value guarded(Vm& vm, F&& f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return raise_memory(vm);
  }
}

}  // namespace

Value arith_neg(Vm& vm, Value v) {
  switch (classify(vm, v)) {
    case Num::SMALL: return make_int(vm, -small_of(v));
    case Num::FLOAT: return Value::from_double(-v.as_double());
    case Num::BIG: return guarded(vm, [&] { return int_from_big(vm, big_neg(big_of(v))); });
    case Num::NONE: break;
  }
  return unary_type_error(vm, v, "unary -");
}

Value arith_pos(Vm& vm, Value v) {
  switch (classify(vm, v)) {
    case Num::SMALL: return Value::small_int(small_of(v));  // +True is 1
    case Num::FLOAT:
    case Num::BIG: return v;
    case Num::NONE: break;
  }
  return unary_type_error(vm, v, "unary +");
}

Value arith_invert(Vm& vm, Value v) {
  switch (classify(vm, v)) {
    case Num::SMALL: return Value::small_int(~small_of(v));  // ~x == -x-1 stays in range
    case Num::BIG: return guarded(vm, [&] { return int_from_big(vm, big_invert(big_of(v))); });
    case Num::FLOAT:
    case Num::NONE: break;
  }
  return unary_type_error(vm, v, "unary ~");
}

Value arith_abs(Vm& vm, Value v) {
  switch (classify(vm, v)) {
    case Num::SMALL: {
      int64_t x = small_of(v);
      return make_int(vm, x < 0 ? -x : x);
    }
    case Num::FLOAT: return Value::from_double(std::fabs(v.as_double()));
    case Num::BIG:
      if (!big_of(v).neg) return v;
      return guarded(vm, [&] { return int_from_big(vm, big_abs(big_of(v))); });
    case Num::NONE: break;
  }
  return unary_type_error(vm, v, "abs()");
}

Value arith_divmod(Vm& vm, Value a, Value b) {
  Num ka = classify(vm, a), kb = classify(vm, b);
  if (ka == Num::NONE || kb == Num::NONE) return vm.singleton_not_implemented;
  if (ka == Num::FLOAT || kb == Num::FLOAT) {
    double x, y, q, m;
    if (!arith_to_double(vm, a, &x) || !arith_to_double(vm, b, &y)) return Value::exception();
    if (y == 0.0) return raise_zero(vm, "float divmod()");
    float_divmod(x, y, &q, &m);
    return make_pair(vm, Value::from_double(q), Value::from_double(m));
  }
  if (ka == Num::SMALL && kb == Num::SMALL) {
    int64_t x = small_of(a), y = small_of(b);
    if (y == 0) return raise_zero(vm, "integer division or modulo by zero");
    Value q = small_floordiv(vm, x, y);
    CT_TRY(q);
    return make_pair(vm, q, small_mod(vm, x, y));
  }
  return guarded(vm, [&]() -> Value {
    BigNum ta, tb, q, r;
    BigView x = int_view(a, ta), y = int_view(b, tb);
    if (big_is_zero(y)) return raise_zero(vm, "integer division or modulo by zero");
    big_divmod(x, y, &q, &r);
    RootValue vq(vm, int_from_big(vm, q));
    CT_TRY(vq.get());
    Value vr = int_from_big(vm, r);
    CT_TRY(vr);
    return make_pair(vm, vq, vr);
  });
}

Value arith_round(Vm& vm, Value x, Value ndigits) {
  Num kx = classify(vm, x);
  if (kx == Num::NONE) return vm.singleton_not_implemented;
  if (ndigits.is_null() || ndigits.is_none()) {
    if (kx != Num::FLOAT) return kx == Num::SMALL ? Value::small_int(small_of(x)) : x;
    double d = x.as_double();
    double rounded = std::round(d);
    if (std::fabs(d - rounded) == 0.5) rounded = 2.0 * std::round(d / 2.0);  // half to even
    return arith_float_to_int(vm, rounded);
  }
  int64_t n;
  if (!ndigits_of(vm, ndigits, &n)) return Value::exception();
  if (kx == Num::FLOAT) return round_float_digits(vm, x.as_double(), n);
  if (n >= 0) return kx == Num::SMALL ? Value::small_int(small_of(x)) : x;
  // -n without overflow for INT64_MIN.
  uint64_t m = static_cast<uint64_t>(-(n + 1)) + 1;
  return guarded(vm, [&] { return round_int(vm, x, m); });
}

int64_t hash_double(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {  // 28 bits at a time
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
  return static_cast<int64_t>(x);
}

bool arith_hash(Vm& vm, Value v, int64_t* out) {
  switch (classify(vm, v)) {
    case Num::FLOAT: *out = hash_double(v.as_double()); return true;
    case Num::SMALL: {
      int64_t x = small_of(v);
      *out = x == -1 ? -2 : x;
      return true;
    }
    case Num::BIG: *out = big_hash(big_of(v)); return true;
    case Num::NONE: break;
  }
  raise(vm, vm.types.TypeError, "unhashable type: '" + std::string(type_name(vm, v)) + "'");
  return false;
}

int arith_truth(Value v) {
  if (v.is_double()) return v.as_double() != 0.0;
  if (v.is_obj()) return 1;  // a BigInt is never zero
  return v.as_small_int() != 0;
}

}  // namespace contrail::runtime
