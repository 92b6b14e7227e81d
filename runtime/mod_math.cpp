// runtime/mod_math.cpp -- The math module with CPython 3.11's semantics:
// the same special-value handling (math_1/math_2's domain and range rules),
// the same algorithms where results could otherwise differ in the last bit
// (fsum's exact partials, hypot/dist's vector_norm, gamma/lgamma's Lanczos
// approximation) and exact big-int kernels (isqrt, gcd, lcm, factorial,
// comb, perm) through GMP's mpz layer.
// Invariants: no function raises except with CPython's exact message; ints
// (small, big or bool) are accepted wherever CPython accepts them.
// Depends on runtime/ (ops, native_util, object headers) and GMP.
#include <gmp.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/arith.h"
#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662497757;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// -- Errors and conversions ------------------------------------------------------

Value domain_error(Vm& vm) { return raise(vm, vm.types.ValueError, "math domain error"); }
Value range_error(Vm& vm) { return raise(vm, vm.types.OverflowError, "math range error"); }

std::string tname(Vm& vm, Value v) { return std::string(type_name(vm, v)); }

// CPython's is_error(): raises for [r] according to errno; false (no
// exception) for an underflow to a tiny result.
bool is_error(Vm& vm, double r) {
  if (errno == EDOM) {
    domain_error(vm);
    return true;
  }
  if (errno == ERANGE && std::fabs(r) >= 1.5) {
    range_error(vm);
    return true;
  }
  return false;
}

bool check_exact(Vm& vm, const CallArgs& args, const char* fname, size_t n) {
  if (!check_no_kwargs(vm, args, fname)) return false;
  if (args.positional.size() == n) return true;
  raise(vm, vm.types.TypeError,
        std::string(fname) + " expected " + std::to_string(n) + " arguments, got " +
            std::to_string(args.positional.size()));
  return false;
}

// One argument as a double ("math.sqrt() takes exactly one argument").
bool one_double(Vm& vm, const CallArgs& args, const char* fname, double* x) {
  if (!check_args(vm, args, fname, 1, 1)) return false;
  return to_double(vm, args.positional[0], x);
}

bool two_doubles(Vm& vm, const CallArgs& args, const char* fname, double* x, double* y) {
  if (!check_exact(vm, args, fname, 2)) return false;
  return to_double(vm, args.positional[0], x) && to_double(vm, args.positional[1], y);
}

bool require_index(Vm& vm, Value v) {
  if (is_int_like(vm, v)) return true;
  raise(vm, vm.types.TypeError,
        std::string("'").append(tname(vm, v)).append("' object cannot be interpreted as an integer"));
  return false;
}

// An int-like Value as a plain int (bools become 0/1).
Value as_plain_int(Value v) { return v.is_bool() ? Value::small_int(v.as_bool()) : v; }

Value make_pair(Vm& vm, Value a, Value b) {
  RootValue ra(vm, a), rb(vm, b);
  Value t = tuple_new(vm, 2);
  CT_TRY(t);
  t.as<Tuple>()->items[0] = ra;
  t.as<Tuple>()->items[1] = rb;
  return t;
}

// -- mpz bridge ------------------------------------------------------------------

// An mpz_t that frees itself.
class Mpz {
 public:
  Mpz() { mpz_init(z_); }
  ~Mpz() { mpz_clear(z_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_ptr get() { return z_; }
  operator mpz_ptr() { return z_; }

 private:
  mpz_t z_;
};

void mpz_from_value(mpz_ptr out, Value v) {
  BigNum tmp;
  BigView bv = int_view(v, tmp);
  mpz_t ro;
  mp_size_t n = static_cast<mp_size_t>(bv.limbs.size());
  mpz_roinit_n(ro, bv.limbs.data(), bv.neg ? -n : n);
  mpz_set(out, ro);
}

Value value_from_mpz(Vm& vm, mpz_srcptr z) {
  BigNum n;
  size_t size = mpz_size(z);
  const mp_limb_t* limbs = mpz_limbs_read(z);
  n.limbs.assign(limbs, limbs + size);
  n.neg = mpz_sgn(z) < 0;
  return int_from_big(vm, n);
}

// -- Generated one- and two-argument functions -----------------------------------

// CPython's math_1: NaN from a non-NaN is a domain error; an infinity from a
// finite argument is an overflow (when [can_overflow]) or a singularity.
Value math_1(Vm& vm, const CallArgs& args, const char* fname, double (*fn)(double), bool can_overflow) {
  double x;
  if (!one_double(vm, args, fname, &x)) return Value::exception();
  errno = 0;
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(vm);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  if (std::isfinite(r) && errno != 0 && is_error(vm, r)) return Value::exception();
  return Value::from_double(r);
}

// CPython's math_1a: the function reports errors through errno only.
Value math_1a(Vm& vm, const CallArgs& args, const char* fname, double (*fn)(double)) {
  double x;
  if (!one_double(vm, args, fname, &x)) return Value::exception();
  errno = 0;
  double r = fn(x);
  if (errno != 0 && is_error(vm, r)) return Value::exception();
  return Value::from_double(r);
}

// CPython's math_2.
Value math_2(Vm& vm, const CallArgs& args, const char* fname, double (*fn)(double, double)) {
  double x, y;
  if (!two_doubles(vm, args, fname, &x, &y)) return Value::exception();
  errno = 0;
  double r = fn(x, y);
  if (std::isnan(r))
    errno = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  else if (std::isinf(r))
    errno = (std::isfinite(x) && std::isfinite(y)) ? ERANGE : 0;
  if (errno != 0 && is_error(vm, r)) return Value::exception();
  return Value::from_double(r);
}

double m_log1p(double x) { return x == 0.0 ? x : std::log1p(x); }

// sin(pi*x) accurate near integers (the gamma reflection formula).
double m_sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0:
      r = std::sin(kPi * y);
      break;
    case 1:
      r = std::cos(kPi * (y - 0.5));
      break;
    case 2:
      r = std::sin(kPi * (1.0 - y));
      break;
    case 3:
      r = -std::cos(kPi * (y - 1.5));
      break;
    default:
      r = std::sin(kPi * (y - 2.0));
      break;
  }
  return std::copysign(1.0, x) * r;
}

// Lanczos approximation (N=13, g=6.0246...), as CPython's mathmodule.c.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                           45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                           1925.0,     66.0,       1.0};
constexpr int kGammaIntegralCount = 23;
constexpr double kGammaIntegral[kGammaIntegralCount] = {1.0,
                                                        1.0,
                                                        2.0,
                                                        6.0,
                                                        24.0,
                                                        120.0,
                                                        720.0,
                                                        5040.0,
                                                        40320.0,
                                                        362880.0,
                                                        3628800.0,
                                                        39916800.0,
                                                        479001600.0,
                                                        6227020800.0,
                                                        87178291200.0,
                                                        1307674368000.0,
                                                        20922789888000.0,
                                                        355687428096000.0,
                                                        6402373705728000.0,
                                                        121645100408832000.0,
                                                        2432902008176640000.0,
                                                        51090942171709440000.0,
                                                        1124000727777607680000.0};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_tgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= kGammaIntegralCount) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / m_sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_lgamma(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(m_sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

// name, C expression over x, can_overflow.
#define CT_MATH_FUNC1(_)         \
  _(acos, std::acos(x), false)   \
  _(acosh, std::acosh(x), false) \
  _(asin, std::asin(x), false)   \
  _(asinh, std::asinh(x), false) \
  _(atan, std::atan(x), false)   \
  _(atanh, std::atanh(x), false) \
  _(cbrt, std::cbrt(x), false)   \
  _(cos, std::cos(x), false)     \
  _(cosh, std::cosh(x), true)    \
  _(exp, std::exp(x), true)      \
  _(exp2, std::exp2(x), true)    \
  _(expm1, std::expm1(x), true)  \
  _(fabs, std::fabs(x), false)   \
  _(log1p, m_log1p(x), false)    \
  _(sin, std::sin(x), false)     \
  _(sinh, std::sinh(x), true)    \
  _(sqrt, std::sqrt(x), false)   \
  _(tan, std::tan(x), false)     \
  _(tanh, std::tanh(x), false)

// name, function (errno-reporting only).
#define CT_MATH_FUNC1A(_) \
  _(erf, std::erf)        \
  _(erfc, std::erfc)      \
  _(gamma, m_tgamma)      \
  _(lgamma, m_lgamma)

// name, C expression over x and y.
#define CT_MATH_FUNC2(_)             \
  _(atan2, std::atan2(x, y))         \
  _(copysign, std::copysign(x, y))   \
  _(remainder, std::remainder(x, y)) \
  _(nextafter, std::nextafter(x, y))

#define CT_DEF_FUNC1(name, expr, overflow)                                 \
  Value math_##name(Vm& vm, const CallArgs& args) {                        \
    return math_1(                                                         \
        vm, args, "math." #name, [](double x) { return expr; }, overflow); \
  }
CT_MATH_FUNC1(CT_DEF_FUNC1)
#undef CT_DEF_FUNC1

#define CT_DEF_FUNC1A(name, fn)                                              \
  Value math_##name(Vm& vm, const CallArgs& args) {                          \
    return math_1a(vm, args, "math." #name, [](double x) { return fn(x); }); \
  }
CT_MATH_FUNC1A(CT_DEF_FUNC1A)
#undef CT_DEF_FUNC1A

#define CT_DEF_FUNC2(name, expr)                                             \
  Value math_##name(Vm& vm, const CallArgs& args) {                          \
    return math_2(vm, args, #name, [](double x, double y) { return expr; }); \
  }
CT_MATH_FUNC2(CT_DEF_FUNC2)
#undef CT_DEF_FUNC2

// -- Power, fmod, angles, tests ----------------------------------------------------

double pow_special(double x, double y) {
  if (std::isnan(x)) return y == 0.0 ? 1.0 : x;
  if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
  if (std::isinf(x)) {
    bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
    if (y > 0.0) return odd_y ? x : std::fabs(x);
    if (y == 0.0) return 1.0;
    return odd_y ? std::copysign(0.0, x) : 0.0;
  }
  if (std::fabs(x) == 1.0) return 1.0;
  if (y > 0.0 && std::fabs(x) > 1.0) return y;
  if (y < 0.0 && std::fabs(x) < 1.0) return -y;
  return 0.0;
}

Value math_pow(Vm& vm, const CallArgs& args) {
  double x, y;
  if (!two_doubles(vm, args, "pow", &x, &y)) return Value::exception();
  if (!std::isfinite(x) || !std::isfinite(y)) return Value::from_double(pow_special(x, y));
  double r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(vm);
  if (std::isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
  return Value::from_double(r);
}

Value math_fmod(Vm& vm, const CallArgs& args) {
  double x, y;
  if (!two_doubles(vm, args, "fmod", &x, &y)) return Value::exception();
  if (std::isinf(y) && std::isfinite(x)) return Value::from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(vm);
  return Value::from_double(r);
}

Value math_degrees(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.degrees", &x)) return Value::exception();
  return Value::from_double(x * (180.0 / kPi));
}

Value math_radians(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.radians", &x)) return Value::exception();
  return Value::from_double(x * (kPi / 180.0));
}

Value math_isnan(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.isnan", &x)) return Value::exception();
  return Value::boolean(std::isnan(x));
}

Value math_isinf(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.isinf", &x)) return Value::exception();
  return Value::boolean(std::isinf(x));
}

Value math_isfinite(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.isfinite", &x)) return Value::exception();
  return Value::boolean(std::isfinite(x));
}

Value math_ulp(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.ulp", &x)) return Value::exception();
  if (std::isnan(x)) return Value::from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::from_double(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) return Value::from_double(x - std::nextafter(x, -HUGE_VAL));
  return Value::from_double(x2 - x);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Value math_isclose(Vm& vm, const CallArgs& args) {
  static const char* const kNames[] = {"a", "b", "rel_tol", "abs_tol"};
  Value a[4] = {Value::null(), Value::null(), Value::null(), Value::null()};
  if (args.positional.size() > 2)
    return raise(vm, vm.types.TypeError,
                 "isclose() takes exactly 2 positional arguments (" + std::to_string(args.positional.size()) +
                     " given)");
  for (size_t i = 0; i < args.positional.size(); ++i) a[i] = args.positional[i];
  for (size_t k = 0; k < args.kwvalues.size(); ++k) {
    std::string_view name = args.kwnames->items[k].as<Str>()->view();
    size_t i = 0;
    while (i < 4 && name != kNames[i]) ++i;
    if (i == 4) {
      std::string msg = "isclose() got an unexpected keyword argument '";
      msg += name;
      return raise(vm, vm.types.TypeError, msg + "'");
    }
    a[i] = args.kwvalues[k];
  }
  for (int i = 0; i < 2; ++i)
    if (a[i].is_null())
      return raise(vm, vm.types.TypeError,
                   std::string("isclose() missing required argument '") + kNames[i] + "' (pos " +
                       std::to_string(i + 1) + ")");
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!to_double(vm, a[0], &x) || !to_double(vm, a[1], &y)) return Value::exception();
  if (!a[2].is_null() && !to_double(vm, a[2], &rel_tol)) return Value::exception();
  if (!a[3].is_null() && !to_double(vm, a[3], &abs_tol)) return Value::exception();
  if (rel_tol < 0.0 || abs_tol < 0.0)
    return raise(vm, vm.types.ValueError, "tolerances must be non-negative");
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double diff = std::fabs(y - x);
  return Value::boolean(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

// -- Decomposition: frexp, ldexp, modf ---------------------------------------------

Value math_frexp(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.frexp", &x)) return Value::exception();
  int e = 0;
  if (!std::isnan(x) && !std::isinf(x) && x != 0.0) x = std::frexp(x, &e);
  return make_pair(vm, Value::from_double(x), Value::small_int(e));
}

Value math_ldexp(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "ldexp", 2)) return Value::exception();
  double x;
  if (!to_double(vm, args.positional[0], &x)) return Value::exception();
  Value i = args.positional[1];
  if (!is_int_like(vm, i))
    return raise(vm, vm.types.TypeError, "Expected an int as second argument to ldexp.");
  int64_t exp;
  if (!int_to_int64(i, &exp)) {
    BigNum tmp;
    exp = int_view(i, tmp).neg ? INT64_MIN : INT64_MAX;
  }
  if (x == 0.0 || !std::isfinite(x)) return Value::from_double(x);
  if (exp > INT32_MAX) return range_error(vm);
  if (exp < INT32_MIN) return Value::from_double(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) return range_error(vm);
  return Value::from_double(r);
}

Value math_modf(Vm& vm, const CallArgs& args) {
  double x;
  if (!one_double(vm, args, "math.modf", &x)) return Value::exception();
  if (std::isinf(x)) return make_pair(vm, Value::from_double(std::copysign(0.0, x)), Value::from_double(x));
  if (std::isnan(x)) return make_pair(vm, Value::from_double(x), Value::from_double(x));
  double ip;
  double frac = std::modf(x, &ip);
  return make_pair(vm, Value::from_double(frac), Value::from_double(ip));
}

// -- Rounding to ints: floor, ceil, trunc --------------------------------------------

Value round_to_int(Vm& vm, const CallArgs& args, const char* fname, double (*fn)(double)) {
  if (!check_args(vm, args, fname, 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (is_int_like(vm, v)) return as_plain_int(v);
  double x;
  if (!to_double(vm, v, &x)) return Value::exception();
  return arith_float_to_int(vm, fn(x));
}

Value math_floor(Vm& vm, const CallArgs& args) {
  return round_to_int(vm, args, "math.floor", [](double x) { return std::floor(x); });
}

Value math_ceil(Vm& vm, const CallArgs& args) {
  return round_to_int(vm, args, "math.ceil", [](double x) { return std::ceil(x); });
}

Value math_trunc(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.trunc", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (v.is_double()) return arith_float_to_int(vm, std::trunc(v.as_double()));
  if (is_int_like(vm, v)) return as_plain_int(v);
  return raise(vm, vm.types.TypeError, "type " + tname(vm, v) + " doesn't define __trunc__ method");
}

// -- Logarithms ----------------------------------------------------------------------

double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

double m_log2(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x > 0.0) return std::log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

// _PyLong_Frexp for a positive int too large for a double: |a| ~= m * 2**e
// with 0.5 <= m < 1, m correctly rounded to 53 bits.
double big_frexp(BigView a, int64_t* e) {
  int64_t bits = big_bit_length(a);
  uint64_t shift = static_cast<uint64_t>(bits - 64);
  BigNum top = big_rshift(a, shift);
  uint64_t m = top.limbs.empty() ? 0 : top.limbs[0];
  uint64_t whole = shift / 64, part = shift % 64;
  bool sticky = false;
  for (uint64_t i = 0; i < whole && !sticky; ++i) sticky = a.limbs[i] != 0;
  if (!sticky && part != 0) sticky = (a.limbs[whole] & ((uint64_t{1} << part) - 1)) != 0;
  if (sticky) m |= 1;  // breaks ties below the 53 kept bits
  double x = std::ldexp(static_cast<double>(m), -64);
  *e = bits;
  if (x == 1.0) {
    x = 0.5;
    *e += 1;
  }
  return x;
}

// CPython's loghelper: ints of any size are handled exactly; floats go
// through math_1's rules. Result in [*out]; false on exception.
bool log_helper(Vm& vm, Value v, double (*fn)(double), double* out) {
  if (is_int_like(vm, v)) {
    BigNum tmp;
    BigView bv = int_view(v, tmp);
    if (bv.neg || big_is_zero(bv)) {
      domain_error(vm);
      return false;
    }
    double x;
    if (big_to_double(bv, &x)) {
      *out = fn(x);
      return true;
    }
    int64_t e;
    double m = big_frexp(bv, &e);
    *out = fn(m) + fn(2.0) * static_cast<double>(e);
    return true;
  }
  double x;
  if (!to_double(vm, v, &x)) return false;
  errno = 0;
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) {
    domain_error(vm);
    return false;
  }
  if (std::isinf(r) && std::isfinite(x)) {
    domain_error(vm);
    return false;
  }
  *out = r;
  return true;
}

Value math_log(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "log")) return Value::exception();
  size_t n = args.positional.size();
  if (n < 1 || n > 2) return raise(vm, vm.types.TypeError, "math.log requires 1 to 2 arguments");
  double num, den;
  if (!log_helper(vm, args.positional[0], m_log, &num)) return Value::exception();
  if (n == 1) return Value::from_double(num);
  if (!log_helper(vm, args.positional[1], m_log, &den)) return Value::exception();
  if (den == 0.0) return raise(vm, vm.types.ZeroDivisionError, "float division by zero");
  return Value::from_double(num / den);
}

Value math_log2(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.log2", 1, 1)) return Value::exception();
  double r;
  if (!log_helper(vm, args.positional[0], m_log2, &r)) return Value::exception();
  return Value::from_double(r);
}

Value math_log10(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.log10", 1, 1)) return Value::exception();
  double r;
  if (!log_helper(vm, args.positional[0], m_log10, &r)) return Value::exception();
  return Value::from_double(r);
}

// -- hypot and dist ---------------------------------------------------------------------

// CPython 3.11's vector_norm: lossless power-of-two scaling, Veltkamp-Dekker
// squaring, Neumaier-style compensated summation and a differential
// correction of the square root. [max] is the largest |vec[i]|.
double vector_norm(const std::vector<double>& vec, double max, bool found_nan) {
  const double t27 = 134217729.0;  // ldexp(1.0, 27) + 1.0
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  size_t n = vec.size();
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e >= -1023) {
    double scale = std::ldexp(1.0, -max_e);
    for (double v : vec) {
      double x = v * scale;
      double t = x * t27;
      double hi = t - (t - x);
      double lo = x - hi;
      x = hi * hi;
      double oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    double x = h;
    double t = x * t27;
    double hi = t - (t - x);
    double lo = x - hi;
    x = -hi * hi;
    double oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  for (double v : vec) {
    double x = v / max;
    x = x * x;
    double oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * std::sqrt(csum - 1.0 + frac1);
}

Value math_hypot(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "hypot")) return Value::exception();
  std::vector<double> coords;
  double max = 0.0;
  bool found_nan = false;
  for (Value v : args.positional) {
    double x;
    if (!to_double(vm, v, &x)) return Value::exception();
    x = std::fabs(x);
    coords.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::from_double(vector_norm(coords, max, found_nan));
}

// The items of a tuple or list, or of a list built from any iterable.
Value as_sequence(Vm& vm, Value v) {
  if (v.is_obj() && v.as_obj()->klass == vm.types.list) return list_to_values(vm, v.as<List>()) ? v : Value::exception();
  if (v.is_obj() && v.as_obj()->klass == vm.types.tuple) return v;
  RootValue it(vm, get_iter(vm, v));
  CT_TRY(it.get());
  Value l = list_new(vm);
  CT_TRY(l);
  Root<List> list(vm, l.as<List>());
  for (;;) {
    Value x = iter_next(vm, it);
    CT_TRY(x);
    if (x.is_null()) return Value::object(list.get());
    if (!list_append(vm, list, x)) return Value::exception();
  }
}

std::span<Value> seq_items(Vm& vm, Value seq) {
  if (seq.as_obj()->klass == vm.types.tuple) return seq.as<Tuple>()->span();
  return seq.as<List>()->span();
}

Value math_dist(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "dist", 2)) return Value::exception();
  RootValue p(vm, as_sequence(vm, args.positional[0]));
  CT_TRY(p.get());
  RootValue q(vm, as_sequence(vm, args.positional[1]));
  CT_TRY(q.get());
  if (seq_items(vm, p).size() != seq_items(vm, q).size())
    return raise(vm, vm.types.ValueError, "both points must have the same number of dimensions");
  std::vector<double> diffs;
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < seq_items(vm, p).size(); ++i) {
    double px, qx;
    if (!to_double(vm, seq_items(vm, p)[i], &px) || !to_double(vm, seq_items(vm, q)[i], &qx))
      return Value::exception();
    double x = std::fabs(px - qx);
    diffs.push_back(x);
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return Value::from_double(vector_norm(diffs, max, found_nan));
}

// -- fsum and prod ------------------------------------------------------------------------

// Adds [x] into the non-overlapping [partials] (Shewchuk / msum), leaving
// the new top partial in [x] for the caller to append (or reject when it is
// not finite).
void msum_add(std::vector<double>& partials, double& x) {
  size_t i = 0;
  for (size_t j = 0; j < partials.size(); ++j) {
    double y = partials[j];
    if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
    double hi = x + y;
    double yr = hi - x;
    double lo = y - yr;
    if (lo != 0.0) partials[i++] = lo;
    x = hi;
  }
  partials.resize(i);
}

// Rounds the exact sum of [p] (ascending magnitudes) to a double, half-even.
double msum_result(std::vector<double>& p) {
  size_t n = p.size();
  if (n == 0) return 0.0;
  double hi = p[--n], lo = 0.0;
  while (n > 0) {
    double x = hi;
    double y = p[--n];
    hi = x + y;
    double yr = hi - x;
    lo = y - yr;
    if (lo != 0.0) break;
  }
  if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
    double y = lo * 2.0;
    double x = hi + y;
    double yr = x - hi;
    if (y == yr) hi = x;
  }
  return hi;
}

Value math_fsum(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.fsum", 1, 1)) return Value::exception();
  RootValue it(vm, get_iter(vm, args.positional[0]));
  CT_TRY(it.get());
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value item = iter_next(vm, it);
    CT_TRY(item);
    if (item.is_null()) break;
    double x;
    if (!to_double(vm, item, &x)) return Value::exception();
    double xsave = x;
    msum_add(partials, x);
    if (x == 0.0) continue;
    if (std::isfinite(x)) {
      partials.push_back(x);
      continue;
    }
    if (std::isfinite(xsave)) return raise(vm, vm.types.OverflowError, "intermediate overflow in fsum");
    if (std::isinf(xsave)) inf_sum += xsave;
    special_sum += xsave;
    partials.clear();
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(vm, vm.types.ValueError, "-inf + inf in fsum");
    return Value::from_double(special_sum);
  }
  return Value::from_double(msum_result(partials));
}

Value math_prod(Vm& vm, const CallArgs& args) {
  static const char* const kAllowed[] = {"start", nullptr};
  if (!check_kwargs(vm, args, "prod", kAllowed)) return Value::exception();
  if (args.positional.size() != 1)
    return raise(
        vm, vm.types.TypeError,
        "prod() takes exactly 1 positional argument (" + std::to_string(args.positional.size()) + " given)");
  RootValue it(vm, get_iter(vm, args.positional[0]));
  CT_TRY(it.get());
  Value start = kwarg(args, "start");
  RootValue result(vm, start.is_null() ? Value::small_int(1) : start);
  for (;;) {
    RootValue item(vm, iter_next(vm, it));
    CT_TRY(item.get());
    if (item.get().is_null()) return result;
    result.set(binary_op(vm, result, item, BinOp::MUL));
    CT_TRY(result.get());
  }
}

// -- Integer functions ----------------------------------------------------------------------

Value math_isqrt(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.isqrt", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!require_index(vm, v)) return Value::exception();
  Mpz n, r;
  mpz_from_value(n, v);
  if (mpz_sgn(n.get()) < 0) return raise(vm, vm.types.ValueError, "isqrt() argument must be nonnegative");
  mpz_sqrt(r, n);
  return value_from_mpz(vm, r);
}

// gcd/lcm over any number of ints; [lcm] selects the operation.
Value gcd_lcm(Vm& vm, const CallArgs& args, const char* fname, bool lcm) {
  if (!check_no_kwargs(vm, args, fname)) return Value::exception();
  Mpz acc, x;
  mpz_set_ui(acc, lcm ? 1 : 0);
  for (Value v : args.positional) {
    if (!require_index(vm, v)) return Value::exception();
    mpz_from_value(x, v);
    if (lcm)
      mpz_lcm(acc, acc, x);
    else
      mpz_gcd(acc, acc, x);
  }
  if (args.positional.size() == 1) mpz_abs(acc, acc);
  return value_from_mpz(vm, acc);
}

Value math_gcd(Vm& vm, const CallArgs& args) { return gcd_lcm(vm, args, "gcd", false); }
Value math_lcm(Vm& vm, const CallArgs& args) { return gcd_lcm(vm, args, "lcm", true); }

Value math_factorial(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "math.factorial", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!require_index(vm, v)) return Value::exception();
  int64_t n;
  if (!int_to_int64(v, &n)) {
    BigNum tmp;
    if (int_view(v, tmp).neg)
      n = -1;
    else
      return raise(vm, vm.types.OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  if (n < 0) return raise(vm, vm.types.ValueError, "factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r, static_cast<unsigned long>(n));
  return value_from_mpz(vm, r);
}

// Reads n and k for comb/perm: ints, non-negative (CPython's messages).
bool comb_args(Vm& vm, Value nv, Value kv, mpz_ptr n, mpz_ptr k) {
  if (!require_index(vm, nv) || !require_index(vm, kv)) return false;
  mpz_from_value(n, nv);
  mpz_from_value(k, kv);
  if (mpz_sgn(n) < 0) {
    raise(vm, vm.types.ValueError, "n must be a non-negative integer");
    return false;
  }
  if (mpz_sgn(k) < 0) {
    raise(vm, vm.types.ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value math_comb(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "comb", 2)) return Value::exception();
  Mpz n, k, r;
  if (!comb_args(vm, args.positional[0], args.positional[1], n, k)) return Value::exception();
  if (mpz_cmp(k, n) > 0) return Value::small_int(0);
  Mpz nk;
  mpz_sub(nk, n, k);
  if (mpz_cmp(nk, k) < 0) mpz_set(k, nk);
  if (!mpz_fits_ulong_p(k))
    return raise(vm, vm.types.OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
  mpz_bin_ui(r, n, mpz_get_ui(k));
  return value_from_mpz(vm, r);
}

// Product of the integers in [lo, hi) by binary splitting.
void range_product(mpz_ptr out, mpz_srcptr lo, unsigned long count) {
  if (count <= 16) {
    mpz_set_ui(out, 1);
    Mpz term;
    for (unsigned long i = 0; i < count; ++i) {
      mpz_add_ui(term, lo, i);
      mpz_mul(out, out, term);
    }
    return;
  }
  unsigned long half = count / 2;
  Mpz left, right, mid;
  range_product(left, lo, half);
  mpz_add_ui(mid, lo, half);
  range_product(right, mid, count - half);
  mpz_mul(out, left, right);
}

Value math_perm(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "perm", 1, 2)) return Value::exception();
  Value kv = args.positional.size() == 2 ? args.positional[1] : Value::none();
  if (kv.is_none()) {
    if (!require_index(vm, args.positional[0])) return Value::exception();
    Mpz n;
    mpz_from_value(n, args.positional[0]);
    if (mpz_sgn(n.get()) < 0) return raise(vm, vm.types.ValueError, "n must be a non-negative integer");
    if (!mpz_fits_ulong_p(n))
      return raise(vm, vm.types.OverflowError, "n must not exceed 9223372036854775807");
    Mpz r;
    mpz_fac_ui(r, mpz_get_ui(n));
    return value_from_mpz(vm, r);
  }
  Mpz n, k, lo, r;
  if (!comb_args(vm, args.positional[0], kv, n, k)) return Value::exception();
  if (mpz_cmp(k, n) > 0) return Value::small_int(0);
  if (!mpz_fits_ulong_p(k)) return raise(vm, vm.types.OverflowError, "k must not exceed 9223372036854775807");
  mpz_sub(lo, n, k);
  mpz_add_ui(lo, lo, 1);
  range_product(r, lo, mpz_get_ui(k));
  return value_from_mpz(vm, r);
}

// -- Registration -------------------------------------------------------------------------

struct MathFn {
  const char* name;
  NativeFn fn;
};

constexpr MathFn kFunctions[] = {
#define CT_REG1(name, ...) {#name, math_##name},
    CT_MATH_FUNC1(CT_REG1) CT_MATH_FUNC1A(CT_REG1) CT_MATH_FUNC2(CT_REG1)
#undef CT_REG1
        {"pow", math_pow},
    {"fmod", math_fmod},
    {"degrees", math_degrees},
    {"radians", math_radians},
    {"isnan", math_isnan},
    {"isinf", math_isinf},
    {"isfinite", math_isfinite},
    {"isclose", math_isclose},
    {"ulp", math_ulp},
    {"frexp", math_frexp},
    {"ldexp", math_ldexp},
    {"modf", math_modf},
    {"floor", math_floor},
    {"ceil", math_ceil},
    {"trunc", math_trunc},
    {"log", math_log},
    {"log2", math_log2},
    {"log10", math_log10},
    {"hypot", math_hypot},
    {"dist", math_dist},
    {"fsum", math_fsum},
    {"prod", math_prod},
    {"isqrt", math_isqrt},
    {"gcd", math_gcd},
    {"lcm", math_lcm},
    {"factorial", math_factorial},
    {"comb", math_comb},
    {"perm", math_perm},
};

}  // namespace

Value make_math_module(Vm& vm) {
  Value m = module_new(vm, "math");
  CT_TRY(m);
  Root<Module> mod(vm, m.as<Module>());
  for (const MathFn& f : kFunctions) add_function(vm, mod->dict, f.name, f.fn);
  dict_set_name(vm, mod->dict, "pi", Value::from_double(kPi));
  dict_set_name(vm, mod->dict, "e", Value::from_double(kE));
  dict_set_name(vm, mod->dict, "tau", Value::from_double(2.0 * kPi));
  dict_set_name(vm, mod->dict, "inf", Value::from_double(HUGE_VAL));
  dict_set_name(vm, mod->dict, "nan", Value::from_double(NAN));
  return Value::object(mod.get());
}

}  // namespace contrail::runtime
