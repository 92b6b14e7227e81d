// runtime/float_format.cpp -- double <-> text, byte-identical to CPython 3.11.
// The formatting half is a port of CPython's format_float_short (pystrtod.c):
// a digit generator standing in for _Py_dg_dtoa's three modes (0 shortest,
// 2 significant digits, 3 digits after the point) followed by the layout
// step that pads the digit string with zeros, places the point and adds an
// exponent. The digit generators lean on std::to_chars, which is exact and
// rounds half-even like dtoa.
// Depends on the C++ standard library only.
#include "runtime/float_format.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <system_error>

namespace contrail::runtime {

namespace {

// -- Digit generation (stands in for _Py_dg_dtoa) --------------------------

// value = 0.DIGITS * 10^decpt. digits has no leading or trailing zeros,
// except that zero itself is "0" with decpt 1; a nonzero value that rounds
// to nothing in mode 3 is "" with decpt -ndigits (both as dtoa).
struct DecimalDigits {
  std::string digits;
  int decpt = 0;
};

void strip_trailing_zeros(std::string* digits) {
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
}

// Parses to_chars' scientific output "d[.ddd]e[+-]XX" for a non-negative x.
DecimalDigits from_scientific(std::string_view text) {
  DecimalDigits d;
  std::size_t e = text.find('e');
  for (char c : text.substr(0, e))
    if (c != '.') d.digits += c;
  d.decpt = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
  strip_trailing_zeros(&d.digits);
  return d;
}

// Mode 0: the shortest digit string that reads back as [x] (x >= 0).
DecimalDigits shortest_digits(double x) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  return from_scientific(std::string_view(buf, r.ptr - buf));
}

// Mode 2: [ndigits] significant digits, correctly rounded (x >= 0).
DecimalDigits significant_digits(double x, int ndigits) {
  if (ndigits < 1) ndigits = 1;
  std::string buf(static_cast<std::size_t>(ndigits) + 16, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x,
                         std::chars_format::scientific, ndigits - 1);
  return from_scientific(std::string_view(buf.data(), r.ptr - buf.data()));
}

// Mode 3: rounded to [ndigits] places after the point (x >= 0).
DecimalDigits fixed_digits(double x, int ndigits) {
  DecimalDigits d;
  if (x == 0) return {"0", 1};
  std::string buf(static_cast<std::size_t>(ndigits) + 330, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x,
                         std::chars_format::fixed, ndigits);
  std::string_view text(buf.data(), r.ptr - buf.data());
  std::size_t point = text.find('.');
  d.decpt = static_cast<int>(point == std::string_view::npos ? text.size() : point);
  for (char c : text)
    if (c != '.') d.digits += c;
  std::size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) return {"", -ndigits};
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int>(lead);
  strip_trailing_zeros(&d.digits);
  return d;
}

// -- Layout (port of format_float_short) -----------------------------------

struct ShortFlags {
  bool add_dot_0 = false;   // Py_DTSF_ADD_DOT_0
  bool alternate = false;   // Py_DTSF_ALT
  bool no_neg_zero = false; // Py_DTSF_NO_NEG_0
};

void append_exponent(std::string* out, int exp, bool upper) {
  *out += upper ? 'E' : 'e';
  *out += exp < 0 ? '-' : '+';
  int mag = exp < 0 ? -exp : exp;
  if (mag < 10) *out += '0';
  *out += std::to_string(mag);
}

// Where the output slice of the zero-padded digit string starts and ends,
// and whether it carries an exponent; see format_float_short.
struct Layout {
  bool use_exp = false;
  int exp = 0;
  int decpt = 0;
  int vstart = 0;
  int vend = 0;
};

Layout plan_layout(const DecimalDigits& d, char code, int precision, const ShortFlags& f) {
  Layout l;
  l.decpt = d.decpt;
  l.vend = static_cast<int>(d.digits.size());
  switch (code) {
    case 'e': l.use_exp = true; l.vend = precision; break;
    case 'f': l.vend = l.decpt + precision; break;
    case 'g':
      l.use_exp = l.decpt <= -4 || l.decpt > (f.add_dot_0 ? precision - 1 : precision);
      if (f.alternate) l.vend = precision;
      break;
    default: l.use_exp = l.decpt <= -4 || l.decpt > 16; break;  // 'r'
  }
  if (l.use_exp) {
    l.exp = l.decpt - 1;
    l.decpt = 1;
  }
  l.vstart = l.decpt <= 0 ? l.decpt - 1 : 0;
  int min_end = (!l.use_exp && f.add_dot_0) ? l.decpt + 1 : l.decpt;
  l.vend = std::max(l.vend, min_end);
  return l;
}

std::string lay_out(const DecimalDigits& d, const Layout& l, bool negative, bool upper,
                    const ShortFlags& f) {
  const std::string& digits = d.digits;
  int n = static_cast<int>(digits.size());
  bool is_zero = n == 0 || (n == 1 && digits[0] == '0');
  std::string out;
  if (negative && !(f.no_neg_zero && is_zero)) out += '-';
  if (l.decpt <= 0) {
    out.append(l.decpt - l.vstart, '0');
    out += '.';
    out.append(-l.decpt, '0');
  }
  if (0 < l.decpt && l.decpt <= n) {
    out.append(digits, 0, l.decpt);
    out += '.';
    out.append(digits, l.decpt);
  } else {
    out += digits;
  }
  if (n < l.decpt) {
    out.append(l.decpt - n, '0');
    out += '.';
    out.append(l.vend - l.decpt, '0');
  } else {
    out.append(l.vend - n, '0');
  }
  if (out.back() == '.' && !f.alternate) out.pop_back();
  if (l.use_exp) append_exponent(&out, l.exp, upper);
  return out;
}

// PyOS_double_to_string for one lower-case [code] ('e','f','g','r') with
// CPython's precision adjustments already applied by the caller.
std::string double_to_string(double x, char code, int precision, bool upper,
                             const ShortFlags& f) {
  if (std::isnan(x)) return upper ? "NAN" : "nan";
  if (std::isinf(x)) return std::string(x < 0 ? "-" : "") + (upper ? "INF" : "inf");
  double mag = std::fabs(x);
  DecimalDigits d = code == 'r'   ? shortest_digits(mag)
                    : code == 'f' ? fixed_digits(mag, precision)
                                  : significant_digits(mag, precision);
  Layout l = plan_layout(d, code, precision, f);
  return lay_out(d, l, std::signbit(x), upper, f);
}

}  // namespace

// -- Formatting entry points -------------------------------------------------

std::string float_repr(double x) {
  ShortFlags f;
  f.add_dot_0 = true;
  return double_to_string(x, 'r', 0, false, f);
}

std::string float_format_fixed(double x, int precision) {
  return double_to_string(x, 'f', precision, false, ShortFlags{});
}

std::string format_double(double x, char type, int precision, bool alternate,
                          bool add_dot_0_if_integer, bool no_neg_zero) {
  ShortFlags f{add_dot_0_if_integer, alternate, no_neg_zero};
  bool pct = false;
  if (type == 0) {
    f.add_dot_0 = true;
    type = precision < 0 ? 'r' : 'g';
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = 6;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char code = static_cast<char>(upper ? type - 'A' + 'a' : type);
  if (code == 'e' && precision < INT_MAX) precision++;
  if (code == 'g' && precision == 0) precision = 1;
  if (code == 'r') precision = 0;
  std::string out = double_to_string(x, code, precision, upper, f);
  if (pct) out += '%';
  return out;
}

// -- float(str) ----------------------------------------------------------------

namespace {

// Whitespace float() strips: ASCII " \t\n\v\f\r" (not \x1c-\x1f, which
// str.isspace() accepts but CPython's ASCII strip does not) plus the
// non-ASCII str.isspace() code points, which CPython maps to ' ' first.
bool is_py_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

// Decodes one UTF-8 sequence starting at [s]; returns its length (0 = bad).
int utf8_decode(std::string_view s, char32_t* cp) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.empty()) return 0;
  int len = b(0) < 0x80 ? 1 : b(0) >= 0xf0 ? 4 : b(0) >= 0xe0 ? 3 : b(0) >= 0xc0 ? 2 : 0;
  if (len == 0 || s.size() < static_cast<std::size_t>(len)) return 0;
  char32_t v = len == 1 ? b(0) : b(0) & (0x7f >> len);
  for (int i = 1; i < len; i++) {
    if ((b(i) & 0xc0) != 0x80) return 0;
    v = (v << 6) | (b(i) & 0x3f);
  }
  *cp = v;
  return len;
}

std::string_view strip_py_space(std::string_view s) {
  char32_t cp = 0;
  for (int n; (n = utf8_decode(s, &cp)) > 0 && is_py_space(cp);) s.remove_prefix(n);
  while (!s.empty()) {
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xc0) == 0x80) start--;
    int n = utf8_decode(s.substr(start), &cp);
    if (n <= 0 || start + n != s.size() || !is_py_space(cp)) break;
    s.remove_suffix(n);
  }
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes '_' that sit between two digits; false if any other '_' appears.
bool remove_underscores(std::string_view s, std::string* out) {
  char prev = 0;
  for (char c : s) {
    if (c == '_' && !is_digit(prev)) return false;
    if (c != '_' && prev == '_' && !is_digit(c)) return false;
    if (c != '_') *out += c;
    prev = c;
  }
  return prev != '_';
}

bool equals_nocase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); i++)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

// Checks digits [. digits] [e [sign] digits] with at least one mantissa
// digit; sets [*decimal_exp] to a saturated estimate of the value's decimal
// exponent (used only to tell overflow from underflow).
bool check_decimal(std::string_view s, long* decimal_exp) {
  std::size_t i = 0, n = s.size();
  long int_digits = 0, frac_zeros = 0;  // significant digits before the point;
  bool any = false, nonzero = false;    // zeros between point and first nonzero
  for (; i < n && is_digit(s[i]); i++) {
    any = true;
    nonzero = nonzero || s[i] != '0';
    if (nonzero) int_digits++;
  }
  if (i < n && s[i] == '.') {
    for (i++; i < n && is_digit(s[i]); i++) {
      any = true;
      nonzero = nonzero || s[i] != '0';
      if (!nonzero) frac_zeros++;
    }
  }
  if (!any) return false;
  long exp = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    bool neg = ++i < n && s[i] == '-';
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    if (i == n || !is_digit(s[i])) return false;
    for (; i < n && is_digit(s[i]); i++) exp = std::min(exp * 10 + (s[i] - '0'), 100000000L);
    if (neg) exp = -exp;
  }
  *decimal_exp = exp + (int_digits > 0 ? int_digits : -frac_zeros);
  return i == n;
}

}  // namespace

bool parse_float(std::string_view text, double* out) {
  std::string_view s = strip_py_space(text);
  std::string clean;
  if (!remove_underscores(s, &clean)) return false;
  std::string_view body = clean;
  bool neg = !body.empty() && body[0] == '-';
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
  if (equals_nocase(body, "inf") || equals_nocase(body, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_nocase(body, "nan")) {
    *out = std::copysign(NAN, neg ? -1.0 : 1.0);
    return true;
  }
  long decimal_exp = 0;
  if (!check_decimal(body, &decimal_exp)) return false;
  double v = 0;
  auto r = std::from_chars(body.data(), body.data() + body.size(), v);
  if (r.ec == std::errc::result_out_of_range) v = decimal_exp > 0 ? HUGE_VAL : 0.0;
  else if (r.ec != std::errc() || r.ptr != body.data() + body.size()) return false;
  *out = neg ? -v : v;
  return true;
}

// -- round(x, n) -------------------------------------------------------------

namespace {

constexpr int kRoundDigitsMax = 323;   // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
constexpr int kRoundDigitsMin = -308;  // -(DBL_MAX_EXP + 1) * log10(2)

double parse_rounded(const std::string& text, bool negative) {
  double v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc::result_out_of_range) v = HUGE_VAL;
  return negative ? -v : v;
}

// Rounds |x| to a multiple of 10^(-ndigits), ndigits < 0, half-even on the
// exact value: the exact integer part decides, the fraction only breaks ties.
double round_to_tens(double x, int ndigits) {
  double ipart = std::trunc(std::fabs(x));
  bool frac_nonzero = ipart != std::fabs(x);
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, ipart, std::chars_format::fixed, 0);
  std::string digits(buf, r.ptr);
  if (digits == "0") digits.clear();
  long keep = static_cast<long>(digits.size()) + ndigits;
  if (keep < 0) return std::copysign(0.0, x);
  std::string kept = digits.substr(0, keep);
  std::string_view dropped = std::string_view(digits).substr(keep);
  bool up = false;
  if (!dropped.empty() && dropped[0] != '5') {
    up = dropped[0] > '5';
  } else if (!dropped.empty()) {
    bool above = frac_nonzero || dropped.find_first_not_of('0', 1) != std::string_view::npos;
    up = above || (!kept.empty() && (kept.back() - '0') % 2 == 1);
  }
  if (kept.empty()) kept = "0";
  if (up) {
    std::size_t i = kept.size();
    while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
    if (i == 0) kept.insert(kept.begin(), '1');
    else kept[i - 1]++;
  }
  return parse_rounded(kept + "e" + std::to_string(-ndigits), std::signbit(x));
}

}  // namespace

double float_round(double x, int ndigits) {
  if (!std::isfinite(x) || ndigits > kRoundDigitsMax) return x;
  if (ndigits < kRoundDigitsMin) return 0.0 * x;
  if (ndigits < 0) return round_to_tens(x, ndigits);
  std::string buf(static_cast<std::size_t>(ndigits) + 330, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(x),
                         std::chars_format::fixed, ndigits);
  buf.resize(r.ptr - buf.data());
  return parse_rounded(buf, std::signbit(x));
}

}  // namespace contrail::runtime
