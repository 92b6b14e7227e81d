// runtime/str_format.cpp -- format(), f-string fields, `str % args` and
// str.format over Python objects. The text rendering (padding, signs, digits)
// is runtime/format_spec.h's and runtime/percent_format.h's; this file walks
// arguments and objects and ports CPython's control flow (Objects/
// unicodeobject.c PyUnicode_Format, Objects/stringlib/unicode_format.h) so
// argument consumption and error precedence match exactly.
// GC: output text accumulates in std::string (never on the heap); every
// object produced mid-way (looked-up fields, converted values) is rooted
// until its text has been copied out.
#include "runtime/str_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "runtime/format_spec.h"
#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/percent_format.h"
#include "runtime/str_methods.h"

namespace contrail::runtime {

namespace {

Value value_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.ValueError, msg); }
Value type_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.TypeError, msg); }

// Splits an int-like Value into sign and magnitude digits in [base]; false
// (ValueError pending) when a decimal rendering would exceed CPython 3.11's
// 4300-digit limit.
bool int_digits(Vm& vm, Value v, int base, bool* neg, std::string* digits) {
  int64_t small;
  if (!v.is_obj() && int_to_int64(v, &small)) {
    *neg = small < 0;
    uint64_t mag = small < 0 ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, mag, base);
    digits->assign(buf, res.ptr);
    return true;
  }
  BigNum tmp;
  BigView view = int_view(v, tmp);
  if (base == 10 && big_decimal_digits_exceed(view, kMaxStrDigits)) {
    raise(vm, vm.types.ValueError,
          "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to "
          "increase the limit");
    return false;
  }
  *neg = view.neg;
  std::string s = big_to_string(view, base);
  *digits = s[0] == '-' ? s.substr(1) : s;
  return true;
}

// Appends ascii()-style escapes of the non-ASCII code points of [utf8].
std::string escape_non_ascii(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) {
    uint32_t cp = utf8_decode(utf8, &pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
    out += '\\';
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = digits - 1; i >= 0; i--) out += kHex[(cp >> (4 * i)) & 0xF];
  }
  return out;
}

// -- format() -------------------------------------------------------------------

Value format_int_value(Vm& vm, Value v, std::string_view spec, std::string_view tname) {
  FormatSpec fs;
  std::string err, out, digits;
  if (!parse_format_spec(spec, &fs, &err, tname)) return value_error(vm, err);
  bool neg, overflow = false;
  if (!int_digits(vm, v, format_spec_int_base(fs), &neg, &digits)) return Value::exception();
  if (!format_int(neg, digits, fs, &out, &err, tname, &overflow))
    return raise(vm, overflow ? vm.types.OverflowError : vm.types.ValueError, err);
  return str_new(vm, out);
}

Value format_float_value(Vm& vm, double x, std::string_view spec) {
  FormatSpec fs;
  std::string err, out;
  if (!parse_format_spec(spec, &fs, &err, "float")) return value_error(vm, err);
  if (!format_float(x, fs, &out, &err, "float")) return value_error(vm, err);
  return str_new(vm, out);
}

Value format_str_value(Vm& vm, Str* s, std::string_view spec) {
  FormatSpec fs;
  std::string err, out;
  if (!parse_format_spec(spec, &fs, &err, "str")) return value_error(vm, err);
  if (!format_str(s->view(), fs, &out, &err, "str")) return value_error(vm, err);
  return str_new(vm, out);
}

// A user-defined __format__ (instances of Python classes only), or NULL.
Value user_format(Vm& vm, Value v, std::string_view spec) {
  if (!v.is_obj() || v.as_obj()->klass->kind != TypeKind::INSTANCE) return Value::null();
  Str* name = str_intern(vm, "__format__");
  if (name == nullptr) return Value::exception();
  RootValue method(vm, get_attr_opt(vm, v, name));
  if (method.get().is_null() || method.get().is_exception()) return method.get();
  // Only Python-level overrides: a native object.__format__ would recurse here.
  Value m = method.get();
  if (!m.is_obj() || m.as_obj()->klass != vm.types.method) return Value::null();
  Value fn = m.as<BoundMethod>()->func;
  if (!fn.is_obj() || fn.as_obj()->klass != vm.types.function) return Value::null();
  RootValue arg(vm, str_new(vm, spec));
  CT_TRY(arg.get());
  Value r = call1(vm, method, arg);
  CT_TRY(r);
  if (!is_str(r))
    return type_error(vm, "__format__ must return a str, not " + std::string(type_name(vm, r)));
  return r;
}

}  // namespace

Value format_value(Vm& vm, Value v, std::string_view spec) {
  Value user = user_format(vm, v, spec);
  if (!user.is_null()) return user;
  if (is_str(v)) return spec.empty() ? v : format_str_value(vm, v.as<Str>(), spec);
  if (spec.empty()) return to_str(vm, v);
  if (v.is_bool()) return format_int_value(vm, v, spec, "bool");
  if (v.is_small_int() || (v.is_obj() && v.as_obj()->klass == vm.types.int_))
    return format_int_value(vm, v, spec, "int");
  if (v.is_double()) return format_float_value(vm, v.as_double(), spec);
  return type_error(vm, "unsupported format string passed to " + std::string(type_name(vm, v)) + ".__format__");
}

Value ascii_of(Vm& vm, Value v) {
  Value r = repr(vm, v);
  CT_TRY(r);
  Str* s = r.as<Str>();
  if (s->is_ascii()) return r;
  RootValue keep(vm, r);
  return str_new(vm, escape_non_ascii(s->view()));
}

// Applies a FormatFlags conversion (!s, !r, !a) to [v].
static Value convert_value(Vm& vm, Value v, uint32_t conversion) {
  switch (conversion & kFormatConvMask) {
    case kFormatConvStr: return to_str(vm, v);
    case kFormatConvRepr: return repr(vm, v);
    case kFormatConvAscii: return ascii_of(vm, v);
    default: return v;
  }
}

Value format_fstring_value(Vm& vm, Value v, uint32_t conversion, Value spec_or_null) {
  RootValue conv(vm, convert_value(vm, v, conversion));
  CT_TRY(conv.get());
  if (spec_or_null.is_null()) {
    if (is_str(conv.get())) return conv.get();
    return format_value(vm, conv, "");
  }
  return format_value(vm, conv, spec_or_null.as<Str>()->view());
}

// -- str % args -----------------------------------------------------------------------

namespace {

// CPython's unicode_formatter_t argument state: a tuple walks [argidx] up to
// [arglen]; a single value uses arglen -1 / argidx -2 (consumed: -1).
struct PercentState {
  Vm& vm;
  RootValue args;
  int64_t arglen;
  int64_t argidx;
  Value dict;  // the mapping argument (rooted by the caller), or NULL
  std::string out;
};

Value next_arg(PercentState& st) {
  if (st.argidx < st.arglen) {
    int64_t i = st.argidx++;
    if (st.arglen < 0) return st.args.get();
    return st.args.get().as<Tuple>()->items[i];
  }
  return type_error(st.vm, "not enough arguments for format string");
}

bool percent_text(PercentState& st, const PercentSpec& spec, Value v) {
  Vm& vm = st.vm;
  Value text;
  if (spec.conv == 's') text = is_str(v) ? v : to_str(vm, v);
  else if (spec.conv == 'r') text = repr(vm, v);
  else text = ascii_of(vm, v);
  if (text.is_exception()) return false;
  st.out += percent_str(text.as<Str>()->view(), spec);
  return true;
}

bool percent_char(PercentState& st, const PercentSpec& spec, Value v) {
  Vm& vm = st.vm;
  std::string ch;
  if (is_str(v)) {
    if (v.as<Str>()->cp_len != 1) return !type_error(vm, "%c requires int or char").is_exception();
    ch = v.as<Str>()->view();
  } else if (is_int_like(vm, v)) {
    int64_t cp;
    if (!int_to_int64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
      raise(vm, vm.types.OverflowError, "%c arg not in range(0x110000)");
      return false;
    }
    utf8_append(ch, static_cast<uint32_t>(cp));
  } else {
    type_error(vm, "%c requires int or char");
    return false;
  }
  st.out += percent_str(ch, spec);
  return true;
}

// d i u o x X: ints, and (for d i u) floats truncated toward zero.
bool percent_integer(PercentState& st, const PercentSpec& spec, Value v) {
  Vm& vm = st.vm;
  char conv = static_cast<char>(spec.conv);
  int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  bool neg;
  std::string digits;
  if (is_int_like(vm, v)) {
    if (!int_digits(vm, v, base, &neg, &digits)) return false;
  } else if (v.is_double() && base == 10) {
    double d = v.as_double();
    if (std::isnan(d)) return !value_error(vm, "cannot convert float NaN to integer").is_exception();
    if (std::isinf(d)) {
      raise(vm, vm.types.OverflowError, "cannot convert float infinity to integer");
      return false;
    }
    BigNum n = big_from_double(d);
    std::string s = big_to_string(n.view(), 10);
    neg = s[0] == '-';
    digits = neg ? s.substr(1) : s;
  } else {
    std::string what = base == 10 ? "a real number" : "an integer";
    type_error(vm, std::string("%") + conv + " format: " + what + " is required, not " +
                       std::string(type_name(vm, v)));
    return false;
  }
  st.out += percent_int(neg, digits, spec);
  return true;
}

bool percent_floating(PercentState& st, const PercentSpec& spec, Value v) {
  double d;
  if (!to_double(st.vm, v, &d)) return false;
  st.out += percent_float(d, spec);
  return true;
}

bool percent_convert(PercentState& st, std::string_view fmt, const PercentSpec& spec, Value v) {
  switch (spec.conv) {
    case 's': case 'r': case 'a': return percent_text(st, spec, v);
    case 'c': return percent_char(st, spec, v);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': return percent_integer(st, spec, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return percent_floating(st, spec, v);
    default:
      value_error(st.vm, percent_unsupported_message(fmt, spec));
      return false;
  }
}

// The star callback: '*' takes the next argument, which must be an int.
bool star_arg(PercentState& st, int64_t* value) {
  Value v = next_arg(st);
  if (v.is_exception()) return false;
  if (!is_int_like(st.vm, v)) {
    type_error(st.vm, "* wants int");
    return false;
  }
  if (!int_to_int64(v, value)) {
    raise(st.vm, st.vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// For "%(key)...", makes dict[key] the current argument. A key without its
// closing ')' is left to parse_percent_spec ("incomplete format key").
bool select_key_arg(PercentState& st, std::string_view fmt, size_t pos) {
  int depth = 1;
  size_t i = pos + 1;
  for (; i < fmt.size() && depth > 0; i++) {
    if (fmt[i] == '(') depth++;
    else if (fmt[i] == ')') depth--;
  }
  if (depth > 0) return true;
  RootValue key(st.vm, str_new(st.vm, fmt.substr(pos + 1, i - pos - 2)));
  if (key.get().is_exception()) return false;
  Value item = get_item(st.vm, st.dict, key);
  if (item.is_exception()) return false;
  st.args.set(item);
  st.arglen = -1;
  st.argidx = -2;
  return true;
}

// Handles one '%' conversion starting after the '%' at byte [pos]; advances [pos].
bool percent_one(PercentState& st, std::string_view fmt, size_t* pos) {
  Vm& vm = st.vm;
  if (*pos < fmt.size() && fmt[*pos] == '(' && st.dict.is_null()) {
    type_error(vm, "format requires a mapping");
    return false;
  }
  // CPython looks the key up before parsing flags, so a '*' after a key takes
  // its argument from the looked-up value.
  if (*pos < fmt.size() && fmt[*pos] == '(' && !select_key_arg(st, fmt, *pos)) return false;
  PercentSpec spec;
  size_t consumed = 0;
  std::string err;
  PercentParse r = parse_percent_spec(fmt, *pos, &spec, &consumed, &err,
                                      [&st](bool, int64_t* value) { return star_arg(st, value); });
  if (r == PercentParse::ERROR) return !value_error(vm, err).is_exception();
  if (r == PercentParse::ARG_FAILED) return false;
  *pos += consumed;
  if (spec.literal_percent) {
    st.out += '%';
    return true;
  }
  RootValue v(vm, next_arg(st));
  if (v.get().is_exception()) return false;
  if (!percent_convert(st, fmt, spec, v)) return false;
  if (!st.dict.is_null() && st.argidx < st.arglen) {
    type_error(vm, "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

bool is_mapping_arg(Vm& vm, Value args) {
  if (!args.is_obj() || is_str(args) || args.as_obj()->klass == vm.types.tuple) return false;
  for (Klass* k = args.as_obj()->klass; k != nullptr; k = k->base)
    if (k->getitem != nullptr) return true;
  return false;
}

}  // namespace

Value str_percent(Vm& vm, Str* fmt, Value args) {
  bool is_tuple = args.is_obj() && args.as_obj()->klass == vm.types.tuple;
  PercentState st{vm, RootValue(vm, args), is_tuple ? static_cast<int64_t>(args.as<Tuple>()->size) : -1,
                  is_tuple ? 0 : -2, is_mapping_arg(vm, args) ? args : Value::null(), {}};
  std::string_view f = fmt->view();
  size_t pos = 0;
  while (pos < f.size()) {
    size_t pct = f.find('%', pos);
    if (pct == std::string_view::npos) {
      st.out += f.substr(pos);
      break;
    }
    st.out += f.substr(pos, pct - pos);
    pos = pct + 1;
    if (!percent_one(st, f, &pos)) return Value::exception();
  }
  if (st.argidx < st.arglen && st.dict.is_null())
    return type_error(vm, "not all arguments converted during string formatting");
  return str_new(vm, st.out);
}

// -- str.format --------------------------------------------------------------------------

namespace {

enum class AutoNumber : uint8_t { INIT, AUTO, MANUAL };

struct FormatState {
  Vm& vm;
  const CallArgs& args;  // positional[0] is the format string
  Value mapping = Value::null();  // format_map's mapping (rooted by the caller), else NULL
  AutoNumber an_state = AutoNumber::INIT;
  int64_t an_field = 0;
};

bool build_string(FormatState& st, std::string_view fmt, int depth, std::string* out);

// "123" -> 123; -1 when not all digits (or empty); -2 with ValueError on overflow.
int64_t get_integer(Vm& vm, std::string_view s) {
  if (s.empty()) return -1;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    if (v > (INT64_MAX - 9) / 10) {
      value_error(vm, "Too many decimal digits in format string");
      return -2;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

bool autonumber_error(FormatState& st, bool field_name_is_empty) {
  if (st.an_state == AutoNumber::MANUAL && field_name_is_empty) {
    value_error(st.vm, "cannot switch from manual field specification to automatic field numbering");
    return true;
  }
  if (st.an_state == AutoNumber::AUTO && !field_name_is_empty) {
    value_error(st.vm, "cannot switch from automatic field numbering to manual field specification");
    return true;
  }
  return false;
}

// Looks up the first part of a field name (index or keyword).
Value lookup_first(FormatState& st, std::string_view first) {
  Vm& vm = st.vm;
  int64_t idx = get_integer(vm, first);
  if (idx == -2) return Value::exception();
  bool empty = first.empty();
  bool numeric = empty || idx != -1;
  if (st.an_state == AutoNumber::INIT && numeric) st.an_state = empty ? AutoNumber::AUTO : AutoNumber::MANUAL;
  if (numeric && autonumber_error(st, empty)) return Value::exception();
  if (empty) idx = st.an_field++;
  if (idx >= 0 && !st.mapping.is_null()) return value_error(vm, "Format string contains positional fields");
  if (idx >= 0) {
    int64_t npos = static_cast<int64_t>(st.args.positional.size()) - 1;
    if (idx >= npos)
      return raise(vm, vm.types.IndexError,
                   "Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    return st.args.positional[static_cast<size_t>(idx) + 1];
  }
  if (st.args.kwnames != nullptr)
    for (uint64_t i = 0; i < st.args.kwnames->size; i++)
      if (st.args.kwnames->items[i].as<Str>()->view() == first) return st.args.kwvalues[i];
  RootValue key(vm, str_new(vm, first));
  CT_TRY(key.get());
  if (!st.mapping.is_null()) return get_item(vm, st.mapping, key);
  return raise_key_error(vm, key);
}

// Applies one ".attr" or "[key]" accessor to [obj].
Value apply_accessor(Vm& vm, Value obj, bool is_attr, std::string_view name) {
  if (is_attr) {
    Str* n = str_intern(vm, name);
    if (n == nullptr) return Value::exception();
    return get_attr(vm, obj, n);
  }
  int64_t idx = get_integer(vm, name);
  if (idx == -2) return Value::exception();
  if (idx >= 0) return get_item(vm, obj, int_from_int64(vm, idx));
  RootValue key(vm, str_new(vm, name));
  CT_TRY(key.get());
  return get_item(vm, obj, key);
}

// Resolves a whole field name ("0", "name.attr[key]", "") to its object.
Value get_field_object(FormatState& st, std::string_view field) {
  Vm& vm = st.vm;
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
  RootValue obj(vm, lookup_first(st, field.substr(0, i)));
  CT_TRY(obj.get());
  while (i < field.size()) {
    char c = field[i++];
    size_t start = i;
    bool is_attr = c == '.';
    if (c == '.') {
      while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
    } else if (c == '[') {
      while (i < field.size() && field[i] != ']') i++;
      if (i >= field.size()) return value_error(vm, "Missing ']' in format string");
    } else {
      return value_error(vm, "Only '.' or '[' may follow ']' in format field specifier");
    }
    std::string_view name = field.substr(start, i - start);
    if (c == '[') i++;  // the ']'
    if (name.empty()) return value_error(vm, "Empty attribute in format string");
    obj.set(apply_accessor(vm, obj, is_attr, name));
    CT_TRY(obj.get());
  }
  return obj.get();
}

// One parsed replacement field of a format string.
struct Field {
  std::string_view name, spec;
  uint32_t conversion = 0;  // 0 when absent, else the conversion character
  bool spec_needs_expanding = false;
};

// Port of CPython's parse_field: [pos] is just after the '{'.
bool parse_field(Vm& vm, std::string_view s, size_t* pos, Field* f) {
  size_t i = *pos;
  char c = 0;
  while (i < s.size()) {
    c = s[i++];
    if (c == '{') return !value_error(vm, "unexpected '{' in field name").is_exception();
    if (c == '[') {
      while (i < s.size() && s[i] != ']') i++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  f->name = s.substr(*pos, i - *pos - (i > *pos ? 1 : 0));
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (i >= s.size())
        return !value_error(vm, "end of string while looking for conversion specifier").is_exception();
      size_t p = i;
      f->conversion = utf8_decode(s, &p);
      i = p;
      if (i < s.size()) {
        c = s[i++];
        if (c == '}') {
          *pos = i;
          return true;
        }
        if (c != ':') return !value_error(vm, "expected ':' after conversion specifier").is_exception();
      }
    }
    size_t start = i;
    int count = 1;
    while (i < s.size()) {
      c = s[i++];
      if (c == '{') {
        f->spec_needs_expanding = true;
        count++;
      } else if (c == '}' && --count == 0) {
        f->spec = s.substr(start, i - 1 - start);
        *pos = i;
        return true;
      }
    }
    return !value_error(vm, "unmatched '{' in format spec").is_exception();
  }
  if (c != '}') return !value_error(vm, "expected '}' before end of string").is_exception();
  *pos = i;
  return true;
}

Value do_conversion(Vm& vm, Value obj, uint32_t conversion) {
  switch (conversion) {
    case 'r': return repr(vm, obj);
    case 's': return to_str(vm, obj);
    case 'a': return ascii_of(vm, obj);
    default: {
      std::string msg = "Unknown conversion specifier ";
      if (conversion > 32 && conversion < 127) {
        msg += static_cast<char>(conversion);
      } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, "\\x%x", conversion);
        msg += buf;
      }
      return value_error(vm, msg);
    }
  }
}

bool render_field(FormatState& st, const Field& f, int depth, std::string* out) {
  Vm& vm = st.vm;
  RootValue obj(vm, get_field_object(st, f.name));
  if (obj.get().is_exception()) return false;
  if (f.conversion != 0) {
    obj.set(do_conversion(vm, obj, f.conversion));
    if (obj.get().is_exception()) return false;
  }
  std::string spec_buf;
  std::string_view spec = f.spec;
  if (f.spec_needs_expanding) {
    if (!build_string(st, f.spec, depth - 1, &spec_buf)) return false;
    spec = spec_buf;
  }
  if (is_str(obj.get()) && spec.empty()) {
    *out += obj.get().as<Str>()->view();
    return true;
  }
  Value text = format_value(vm, obj, spec);
  if (text.is_exception()) return false;
  *out += text.as<Str>()->view();
  return true;
}

// Port of CPython's MarkupIterator loop over [fmt].
bool build_string(FormatState& st, std::string_view fmt, int depth, std::string* out) {
  Vm& vm = st.vm;
  if (depth <= 0) return !value_error(vm, "Max string recursion exceeded").is_exception();
  size_t i = 0;
  while (i < fmt.size()) {
    size_t start = i;
    char c = 0;
    bool markup = false;
    while (i < fmt.size()) {
      c = fmt[i++];
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = i >= fmt.size();
    size_t len = i - start;
    if (c == '}' && markup && (at_end || fmt[i] != '}'))
      return !value_error(vm, "Single '}' encountered in format string").is_exception();
    if (at_end && c == '{' && markup)
      return !value_error(vm, "Single '{' encountered in format string").is_exception();
    if (markup) {
      if (fmt[i] == c) {
        i++;  // escaped {{ or }}: keep one
        markup = false;
      } else {
        len--;
      }
    }
    out->append(fmt.substr(start, len));
    if (!markup) continue;
    Field f;
    if (!parse_field(vm, fmt, &i, &f)) return false;
    if (!render_field(st, f, depth, out)) return false;
  }
  return true;
}

}  // namespace

Value str_format_method(Vm& vm, const CallArgs& args) {
  FormatState st{vm, args};
  std::string out;
  if (!build_string(st, args.positional[0].as<Str>()->view(), 2, &out)) return Value::exception();
  return str_new(vm, out);
}

Value str_format_map_method(Vm& vm, const CallArgs& args) {
  size_t n = args.positional.size() - 1;
  if (!args.kwvalues.empty()) return type_error(vm, "str.format_map() takes no keyword arguments");
  if (n != 1)
    return type_error(vm, "str.format_map() takes exactly one argument (" + std::to_string(n) + " given)");
  FormatState st{vm, args};
  st.mapping = args.positional[1];
  std::string out;
  if (!build_string(st, args.positional[0].as<Str>()->view(), 2, &out)) return Value::exception();
  return str_new(vm, out);
}

}  // namespace contrail::runtime
