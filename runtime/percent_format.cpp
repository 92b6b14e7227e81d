// runtime/percent_format.cpp -- printf-style `str % args` pieces, byte-identical
// to CPython 3.11's unicode_format_arg_parse / _PyUnicode_FormatLong /
// formatfloat / unicode_format_arg_output.
// The parser mirrors CPython's character-at-a-time loop, including its order
// of effects: a '*' argument is fetched before "incomplete format" can be
// reported, so the caller's "not enough arguments" wins, as in CPython.
// Depends on runtime/float_format.h only.
#include "runtime/percent_format.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <string>

#include "runtime/float_format.h"

namespace contrail::runtime {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

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

std::size_t prefix_bytes(std::string_view s, std::int64_t n) {
  std::size_t pos = 0;
  for (; n > 0 && pos < s.size(); n--) next_code_point(s, &pos);
  return pos;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// -- Conversion parser ------------------------------------------------------------

// CPython's (fmtpos, fmtcnt, arg->ch) state: [ch] keeps the last character
// read, even after the text runs out, exactly like arg->ch does.
struct Cursor {
  std::string_view fmt;
  std::size_t pos;
  char32_t ch = 0;
  std::size_t ch_offset = 0;
  bool exhausted = false;

  bool advance() {
    if (pos >= fmt.size()) {
      exhausted = true;
      return false;
    }
    ch_offset = pos;
    ch = next_code_point(fmt, &pos);
    return true;
  }
};

PercentParse parse_error(std::string* error, const char* message) {
  *error = message;
  return PercentParse::ERROR;
}

PercentParse parse_key(Cursor* c, PercentSpec* out, std::string* error) {
  c->pos++;  // '('
  std::size_t start = c->pos;
  int depth = 1;
  while (depth > 0 && c->advance()) {
    if (c->ch == ')') depth--;
    else if (c->ch == '(') depth++;
  }
  if (depth > 0) return parse_error(error, "incomplete format key");
  out->has_key = true;
  out->key = c->fmt.substr(start, c->pos - 1 - start);
  return PercentParse::OK;
}

void parse_flags(Cursor* c, PercentSpec* out) {
  while (c->advance()) {
    switch (c->ch) {
      case '-': out->left_adjust = true; continue;
      case '+': out->plus_sign = true; continue;
      case ' ': out->blank_sign = true; continue;
      case '#': out->alternate = true; continue;
      case '0': out->zero_pad = true; continue;
    }
    break;
  }
}

// Reads decimal digits starting with the current character into [*value];
// false when the value would exceed [limit].
bool parse_number(Cursor* c, std::int64_t limit, std::int64_t* value) {
  *value = c->ch - '0';
  while (c->advance() && is_digit(c->ch)) {
    int d = static_cast<int>(c->ch - '0');
    if (*value > (limit - d) / 10) return false;
    *value = *value * 10 + d;
  }
  return true;
}

// '*': fetch the value through [star] (or leave the marker), then read on.
// [*fetched] tells a real value from the marker (a fetched -2 is legal).
bool star_value(Cursor* c, const PercentStarArg& star, bool is_precision, std::int64_t* value,
                bool* fetched) {
  *value = kPercentFromArgs;
  *fetched = static_cast<bool>(star);
  if (star && !star(is_precision, value)) return false;
  c->advance();
  return true;
}

PercentParse parse_width(Cursor* c, PercentSpec* out, std::string* error,
                         const PercentStarArg& star) {
  if (c->exhausted) return PercentParse::OK;
  if (c->ch == '*') {
    bool fetched = false;
    if (!star_value(c, star, false, &out->width, &fetched)) return PercentParse::ARG_FAILED;
    if (fetched && out->width < 0) {
      out->left_adjust = true;
      out->width = -out->width;
    }
  } else if (is_digit(c->ch) && !parse_number(c, INT64_MAX, &out->width)) {
    return parse_error(error, "width too big");
  }
  return PercentParse::OK;
}

PercentParse parse_precision(Cursor* c, PercentSpec* out, std::string* error,
                             const PercentStarArg& star) {
  if (c->exhausted || c->ch != '.') return PercentParse::OK;
  out->precision = 0;
  if (!c->advance()) return PercentParse::OK;
  if (c->ch == '*') {
    bool fetched = false;
    if (!star_value(c, star, true, &out->precision, &fetched)) return PercentParse::ARG_FAILED;
    if (fetched && out->precision < 0) out->precision = 0;
  } else if (is_digit(c->ch) && !parse_number(c, INT_MAX, &out->precision)) {
    return parse_error(error, "precision too big");
  }
  return PercentParse::OK;
}

// -- Output (unicode_format_arg_output) ------------------------------------------------

bool has_radix_prefix(const PercentSpec& spec) {
  return spec.alternate && (spec.conv == 'x' || spec.conv == 'X' || spec.conv == 'o');
}

// Lays out a converted [str] with sign handling when [numeric].
std::string output(std::string_view str, const PercentSpec& spec, bool numeric) {
  char fill = numeric && spec.zero_pad ? '0' : ' ';
  std::int64_t len = code_point_count(str);
  if (spec.conv == 's' || spec.conv == 'r' || spec.conv == 'a') {
    if (spec.precision >= 0 && len >= spec.precision) len = spec.precision;
  }
  std::size_t pindex = 0;
  char sign = 0;
  if (numeric) {
    if (!str.empty() && (str[0] == '-' || str[0] == '+')) sign = str[0], len--, pindex++;
    else if (spec.plus_sign) sign = '+';
    else if (spec.blank_sign) sign = ' ';
  }
  std::int64_t width = std::max(spec.width, len);
  std::string out;
  if (sign) {
    if (fill != ' ') out += sign;
    if (width > len) width--;
  }
  bool prefix = numeric && has_radix_prefix(spec);
  if (prefix) {
    if (fill != ' ') out.append(str.substr(pindex, 2)), pindex += 2;
    width = std::max<std::int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !spec.left_adjust) out.append(width - len, fill), width = len;
  if (fill == ' ') {
    if (sign) out += sign;
    if (prefix) out.append(str.substr(pindex, 2)), pindex += 2;
  }
  std::string_view rest = str.substr(pindex);
  out.append(rest.substr(0, prefix_bytes(rest, len)));
  if (width > len) out.append(width - len, ' ');
  return out;
}

}  // namespace

// -- Public entry points ----------------------------------------------------------------

PercentParse parse_percent_spec(std::string_view fmt, std::size_t pos, PercentSpec* out,
                                std::size_t* consumed, std::string* error,
                                const PercentStarArg& star) {
  *out = PercentSpec{};
  if (pos < fmt.size() && fmt[pos] == '%') {
    out->conv = '%';
    out->literal_percent = true;
    out->conv_offset = pos;
    *consumed = 1;
    return PercentParse::OK;
  }
  Cursor c{fmt, pos};
  PercentParse r = PercentParse::OK;
  if (pos < fmt.size() && fmt[pos] == '(') r = parse_key(&c, out, error);
  if (r != PercentParse::OK) return r;
  parse_flags(&c, out);
  if ((r = parse_width(&c, out, error, star)) != PercentParse::OK) return r;
  if ((r = parse_precision(&c, out, error, star)) != PercentParse::OK) return r;
  if (!c.exhausted && (c.ch == 'h' || c.ch == 'l' || c.ch == 'L')) c.advance();
  if (c.exhausted) return parse_error(error, "incomplete format");
  out->conv = c.ch;
  out->conv_offset = c.ch_offset;
  *consumed = c.pos - pos;
  return PercentParse::OK;
}

bool percent_conv_known(char32_t conv) {
  switch (conv) {
    case 's': case 'r': case 'a': case 'c':
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      return true;
    default:
      return false;
  }
}

std::string percent_unsupported_message(std::string_view fmt, const PercentSpec& spec) {
  char shown = spec.conv >= 31 && spec.conv <= 126 ? static_cast<char>(spec.conv) : '?';
  long long index = code_point_count(fmt.substr(0, spec.conv_offset));
  char buf[96];
  std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %lld", shown,
                static_cast<unsigned>(spec.conv), index);
  return buf;
}

std::string percent_int(bool neg, std::string_view digits, const PercentSpec& spec) {
  std::string str = neg ? "-" : "";
  if (spec.alternate && spec.conv == 'o') str += "0o";
  if (spec.alternate && (spec.conv == 'x' || spec.conv == 'X')) str += "0x";
  std::int64_t ndigits = static_cast<std::int64_t>(digits.size());
  if (spec.precision > ndigits) str.append(spec.precision - ndigits, '0');
  str += digits;
  if (spec.conv == 'X')
    for (char& ch : str) ch = static_cast<char>(ch >= 'a' && ch <= 'x' ? ch - 'a' + 'A' : ch);
  return output(str, spec, true);
}

std::string percent_float(double x, const PercentSpec& spec) {
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  std::string str = format_double(x, static_cast<char>(spec.conv), precision, spec.alternate, false);
  return output(str, spec, true);
}

std::string percent_str(std::string_view utf8, const PercentSpec& spec) {
  return output(utf8, spec, false);
}

}  // namespace contrail::runtime
