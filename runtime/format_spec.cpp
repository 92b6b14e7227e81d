// runtime/format_spec.cpp -- The format-spec mini-language, byte-identical to
// CPython 3.11's Python/formatter_unicode.c.
// Parsing follows parse_internal_render_format_spec step by step; numbers are
// laid out as CPython's calc_number_widths/fill_number do:
//   <lpad> <sign> <prefix> <spad> <grouped digits> <decimal> <remainder> <rpad>
// with at most one of the three paddings non-empty. Zero padding ('0' fill
// with '=' alignment) is done by the grouping step, so separators land among
// the padding zeros ("00,001,234").
// Depends on runtime/float_format.h only.
#include "runtime/format_spec.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdio>
#include <string>
#include <system_error>

#include "runtime/float_format.h"

namespace contrail::runtime {

namespace {

// -- UTF-8 helpers -------------------------------------------------------------

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

// Decodes the code point at [*pos] and advances past it (input assumed valid).
char32_t next_code_point(std::string_view s, std::size_t* pos) {
  unsigned char b = static_cast<unsigned char>(s[(*pos)++]);
  if (b < 0x80) return b;
  int extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
  char32_t cp = b & (0x3f >> extra);
  for (; extra > 0 && *pos < s.size() && is_continuation(s[*pos]); extra--)
    cp = (cp << 6) | (static_cast<unsigned char>(s[(*pos)++]) & 0x3f);
  return cp;
}

std::int64_t code_point_count(std::string_view s) {
  return static_cast<std::int64_t>(std::count_if(s.begin(), s.end(),
                                                 [](char c) { return !is_continuation(c); }));
}

// Byte length of the first [n] code points of [s].
std::size_t prefix_bytes(std::string_view s, std::int64_t n) {
  std::size_t pos = 0;
  for (; n > 0 && pos < s.size(); n--) next_code_point(s, &pos);
  return pos;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xc0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xe0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    *out += static_cast<char>(0xf0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    *out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

void append_fill(std::string* out, char32_t fill, std::int64_t n) {
  if (fill < 0x80) {
    out->append(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)), static_cast<char>(fill));
    return;
  }
  for (; n > 0; n--) append_utf8(out, fill);
}

// -- Error messages -------------------------------------------------------------

// '%c' for printable ASCII, else '\x%x', as CPython's error helpers do.
std::string quoted_code(char32_t c) {
  if (c > 32 && c < 128) return std::string("'") + static_cast<char>(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(c));
  return buf;
}

bool fail(std::string* error, std::string message) {
  *error = std::move(message);
  return false;
}

bool unknown_code(std::string* error, char32_t type, std::string_view type_name) {
  return fail(error, "Unknown format code " + quoted_code(type) + " for object of type '" +
                         std::string(type_name.substr(0, 200)) + "'");
}

bool bad_grouping(std::string* error, char grouping, char32_t type) {
  return fail(error, std::string("Cannot specify '") + grouping + "' with " + quoted_code(type) +
                         ".");
}

// -- Spec parsing ---------------------------------------------------------------

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// CPython's get_integer over ASCII digits: returns digits consumed or -1 on
// overflow of Py_ssize_t.
int read_integer(const std::u32string& s, std::size_t* pos, std::int64_t* value) {
  std::int64_t acc = 0;
  int count = 0;
  for (; *pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, ++count) {
    int digit = static_cast<int>(s[*pos] - '0');
    if (acc > (INT64_MAX - digit) / 10) return -1;
    acc = acc * 10 + digit;
  }
  *value = acc;
  return count;
}

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) out += next_code_point(s, &pos);
  return out;
}

void parse_fill_align(const std::u32string& s, std::size_t* pos, FormatSpec* out,
                      bool* fill_given) {
  if (s.size() >= 2 && is_align(s[1])) {
    out->fill = s[0];
    out->align = static_cast<char>(s[1]);
    *fill_given = true;
    *pos = 2;
  } else if (!s.empty() && is_align(s[0])) {
    out->align = static_cast<char>(s[0]);
    *pos = 1;
  }
}

// Grouping allowed with the explicit type? ('_' with b/o/x/X groups by 4.)
bool grouping_allowed(char grouping, char32_t type) {
  switch (type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      return true;
    case 'b': case 'o': case 'x': case 'X':
      return grouping == '_';
    default:
      return false;
  }
}

bool parse_width_onward(const std::u32string& s, std::size_t pos, std::string_view spec,
                        FormatSpec* out, std::string* error, std::string_view type_name) {
  const char* too_many = "Too many decimal digits in format string";
  int consumed = read_integer(s, &pos, &out->width);
  if (consumed < 0) return fail(error, too_many);
  if (consumed == 0) out->width = -1;
  if (pos < s.size() && s[pos] == ',') out->grouping = ',', pos++;
  if (pos < s.size() && s[pos] == '_') {
    if (out->grouping) return fail(error, "Cannot specify both ',' and '_'.");
    out->grouping = '_', pos++;
  }
  if (pos < s.size() && s[pos] == ',' && out->grouping == '_')
    return fail(error, "Cannot specify both ',' and '_'.");
  if (pos < s.size() && s[pos] == '.') {
    pos++;
    consumed = read_integer(s, &pos, &out->precision);
    if (consumed < 0) return fail(error, too_many);
    if (consumed == 0) return fail(error, "Format specifier missing precision");
  }
  if (s.size() - pos > 1)
    return fail(error, "Invalid format specifier '" + std::string(spec) +
                           "' for object of type '" + std::string(type_name.substr(0, 200)) + "'");
  if (s.size() - pos == 1) out->type = s[pos];
  if (out->grouping && !grouping_allowed(out->grouping, out->type))
    return bad_grouping(error, out->grouping, out->type);
  return true;
}

// -- Number layout ----------------------------------------------------------------

struct NumberText {
  char sign_char = 0;          // '-' when the number is negative
  std::string_view prefix;     // "0x", "0B", ... (already cased)
  std::string_view digits;     // integer digits, grouped
  bool has_decimal = false;
  std::string_view remainder;  // after the point; or a 'c' char, "inf", "e+05"
};

struct Grouping {
  int size = 0;  // 0: none
  char sep = 0;
};

// CPython's _PyUnicode_InsertThousandsGrouping: groups [digits] from the
// right and left-pads with '0' (separators included) to at least [min_width].
std::string group_digits(std::string_view digits, std::int64_t min_width, Grouping g) {
  min_width = std::max<std::int64_t>(min_width, 0);
  std::string rev;
  std::int64_t remaining = static_cast<std::int64_t>(digits.size());
  bool use_sep = false;
  auto emit = [&](std::int64_t len) {
    std::int64_t zeros = std::max<std::int64_t>(0, len - remaining);
    std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, len));
    if (use_sep) rev += g.sep;
    for (std::int64_t i = 0; i < chars; i++) rev += digits[--remaining];
    rev.append(static_cast<std::size_t>(zeros), '0');
    use_sep = true;
    min_width -= len;
  };
  while (g.size > 0) {
    emit(std::min<std::int64_t>(g.size, std::max<std::int64_t>({remaining, min_width, 1})));
    if (remaining <= 0 && min_width <= 0) return {rev.rbegin(), rev.rend()};
    min_width -= 1;
  }
  emit(std::max<std::int64_t>({remaining, min_width, 1}));
  return {rev.rbegin(), rev.rend()};
}

char effective_sign(char spec_sign, char sign_char) {
  if (spec_sign == '+') return sign_char == '-' ? '-' : '+';
  if (spec_sign == ' ') return sign_char == '-' ? '-' : ' ';
  return sign_char == '-' ? '-' : 0;
}

std::string render_number(const NumberText& t, const FormatSpec& spec, Grouping g) {
  char sign = effective_sign(spec.sign, t.sign_char);
  std::int64_t non_digit = (sign ? 1 : 0) + static_cast<std::int64_t>(t.prefix.size()) +
                           (t.has_decimal ? 1 : 0) + code_point_count(t.remainder);
  char align = spec.align ? spec.align : spec.zero_pad ? '=' : '>';
  std::int64_t min_width = (spec.fill == '0' && align == '=') ? spec.width - non_digit : 0;
  std::string grouped = t.digits.empty() ? "" : group_digits(t.digits, min_width, g);
  std::int64_t padding = spec.width - (non_digit + static_cast<std::int64_t>(grouped.size()));
  std::int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    if (align == '<') rpad = padding;
    else if (align == '^') lpad = padding / 2, rpad = padding - lpad;
    else if (align == '=') spad = padding;
    else lpad = padding;
  }
  std::string out;
  append_fill(&out, spec.fill, lpad);
  if (sign) out += sign;
  out += t.prefix;
  append_fill(&out, spec.fill, spad);
  out += grouped;
  if (t.has_decimal) out += '.';
  out += t.remainder;
  append_fill(&out, spec.fill, rpad);
  return out;
}

// Splits a rendered float "[-]digits[.rest]" the way CPython's parse_number does.
NumberText split_float_text(std::string_view text) {
  NumberText t;
  if (!text.empty() && text[0] == '-') t.sign_char = '-', text.remove_prefix(1);
  std::size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') n++;
  t.digits = text.substr(0, n);
  t.has_decimal = n < text.size() && text[n] == '.';
  t.remainder = text.substr(n + (t.has_decimal ? 1 : 0));
  return t;
}

// -- Integer helpers ----------------------------------------------------------------

// Value of decimal [digits], saturating at UINT64_MAX.
std::uint64_t saturating_value(std::string_view digits) {
  std::uint64_t v = 0;
  for (char c : digits) {
    unsigned d = static_cast<unsigned>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return UINT64_MAX;
    v = v * 10 + d;
  }
  return v;
}

bool set_overflow(bool* overflow, std::string* error, std::string message) {
  if (overflow) *overflow = true;
  return fail(error, std::move(message));
}

bool format_int_char(bool neg, std::string_view digits, const FormatSpec& spec, std::string* out,
                     std::string* error, bool* overflow) {
  if (spec.sign) return fail(error, "Sign not allowed with integer format specifier 'c'");
  if (spec.alternate)
    return fail(error, "Alternate form (#) not allowed with integer format specifier 'c'");
  std::uint64_t v = saturating_value(digits);
  std::uint64_t long_limit = neg ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  if (v > long_limit)
    return set_overflow(overflow, error, "Python int too large to convert to C long");
  if ((neg && v != 0) || v > 0x10ffff)
    return set_overflow(overflow, error, "%c arg not in range(0x110000)");
  std::string ch;
  append_utf8(&ch, static_cast<char32_t>(v));
  NumberText t;
  t.remainder = ch;
  *out = render_number(t, spec, Grouping{});
  return true;
}

std::string_view int_prefix(char32_t type) {
  switch (type) {
    case 'b': return "0b";
    case 'o': return "0o";
    case 'x': return "0x";
    case 'X': return "0X";
    default: return "";
  }
}

Grouping int_grouping(const FormatSpec& spec, char32_t type) {
  if (!spec.grouping || type == 'n') return {};
  bool by_four = type == 'b' || type == 'o' || type == 'x' || type == 'X';
  return {by_four ? 4 : 3, spec.grouping};
}

bool format_int_as_float(bool neg, std::string_view digits, const FormatSpec& spec,
                         std::string* out, std::string* error, bool* overflow) {
  double x = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), x);
  if (r.ec == std::errc::result_out_of_range)
    return set_overflow(overflow, error, "int too large to convert to float");
  if (r.ec != std::errc()) x = 0;
  return format_float(neg ? -x : x, spec, out, error);
}

}  // namespace

// -- Public entry points --------------------------------------------------------------

bool parse_format_spec(std::string_view spec, FormatSpec* out, std::string* error,
                       std::string_view type_name) {
  *out = FormatSpec{};
  std::u32string s = decode_all(spec);
  std::size_t pos = 0;
  bool fill_given = false;
  parse_fill_align(s, &pos, out, &fill_given);
  if (pos < s.size() && is_sign(s[pos])) out->sign = static_cast<char>(s[pos++]);
  if (pos < s.size() && s[pos] == 'z') out->no_neg_zero = true, pos++;
  if (pos < s.size() && s[pos] == '#') out->alternate = true, pos++;
  if (!fill_given && pos < s.size() && s[pos] == '0') {
    out->fill = '0';
    out->zero_pad = true;
    pos++;
  }
  return parse_width_onward(s, pos, spec, out, error, type_name);
}

bool format_str(std::string_view utf8, const FormatSpec& spec, std::string* out,
                std::string* error, std::string_view type_name) {
  if (spec.grouping && spec.type == 0) return bad_grouping(error, spec.grouping, 's');
  if (spec.type != 0 && spec.type != 's') return unknown_code(error, spec.type, type_name);
  if (spec.sign == ' ') return fail(error, "Space not allowed in string format specifier");
  if (spec.sign) return fail(error, "Sign not allowed in string format specifier");
  if (spec.no_neg_zero)
    return fail(error, "Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alternate)
    return fail(error, "Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=')
    return fail(error, "'=' alignment not allowed in string format specifier");
  std::int64_t len = code_point_count(utf8);
  if (spec.precision >= 0 && len >= spec.precision) {
    utf8 = utf8.substr(0, prefix_bytes(utf8, spec.precision));
    len = spec.precision;
  }
  std::int64_t total = std::max(len, spec.width);
  std::int64_t lpad = spec.align == '>' ? total - len : spec.align == '^' ? (total - len) / 2 : 0;
  out->clear();
  append_fill(out, spec.fill, lpad);
  out->append(utf8);
  append_fill(out, spec.fill, total - len - lpad);
  return true;
}

int format_spec_int_base(const FormatSpec& spec) {
  switch (spec.type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
  }
}

bool format_int(bool neg, std::string_view digits, const FormatSpec& spec, std::string* out,
                std::string* error, std::string_view type_name, bool* overflow) {
  char32_t type = spec.type ? spec.type : 'd';
  switch (type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_int_as_float(neg, digits, spec, out, error, overflow);
    default:
      return unknown_code(error, type, type_name);
  }
  if (spec.precision != -1)
    return fail(error, "Precision not allowed in integer format specifier");
  if (spec.no_neg_zero)
    return fail(error, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') return format_int_char(neg, digits, spec, out, error, overflow);
  std::string upper;
  if (type == 'X') {
    upper.assign(digits);
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    digits = upper;
  }
  NumberText t;
  t.sign_char = neg ? '-' : 0;
  t.prefix = spec.alternate ? int_prefix(type) : "";
  t.digits = digits;
  *out = render_number(t, spec, int_grouping(spec, type));
  return true;
}

bool format_float(double x, const FormatSpec& spec, std::string* out, std::string* error,
                  std::string_view type_name) {
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      return unknown_code(error, spec.type, type_name);
  }
  if (spec.precision > INT_MAX) return fail(error, "precision too big");
  std::string text = format_double(x, static_cast<char>(spec.type),
                                   static_cast<int>(spec.precision), spec.alternate, false,
                                   spec.no_neg_zero);
  Grouping g;
  if (spec.grouping && spec.type != 'n') g = {3, spec.grouping};
  *out = render_number(split_float_text(text), spec, g);
  return true;
}

}  // namespace contrail::runtime
