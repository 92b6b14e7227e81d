// runtime/str_methods.cpp -- The methods of str (split, join, find, strip,
// case mapping, predicates, padding, ...), registered by add_str_methods().
// Invariants: indices seen by Python count code points; internally searches
// run on UTF-8 bytes (valid UTF-8 makes byte matches code point aligned) and
// convert positions back. Character properties come from str_unicode.h so
// results match CPython 3.11 for every code point.
// GC: self and the arguments are rooted by the caller (CallArgs) and objects
// never move, so Str pointers taken from them stay valid across allocations;
// results under construction (lists, pieces) are rooted explicitly. Results
// whose length is known up front (join, replace, ASCII case mapping) are
// written in place into a str_alloc'd str, never built in a std::string and
// copied: for a big text that would double the peak memory.
#include <algorithm>
#include <initializer_list>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/native_util.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/str_methods.h"
#include "runtime/str_unicode.h"

namespace contrail::runtime {

namespace {

// -- Argument helpers -------------------------------------------------------------

// How CPython words the argument-count error of a method.
enum class ArgStyle : uint8_t {
  DOTTED,    // "str.upper() takes no arguments (1 given)", "str.join() takes exactly one argument (0 given)"
  TAKES,     // "find() takes at least 1 argument (0 given)"
  EXPECTED,  // "replace expected at least 2 arguments, got 1"
};

std::string plural(int64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool method_kwargs_ok(Vm& vm, const CallArgs& args, const char* name) {
  if (args.kwvalues.empty()) return true;
  raise(vm, vm.types.TypeError, std::string("str.") + name + "() takes no keyword arguments");
  return false;
}

// Checks the count of arguments after self; no keywords allowed.
bool method_args(Vm& vm, const CallArgs& args, const char* name, int min, int max,
                 ArgStyle style = ArgStyle::EXPECTED) {
  if (!method_kwargs_ok(vm, args, name)) return false;
  int n = static_cast<int>(args.positional.size()) - 1;
  if (n >= min && n <= max) return true;
  std::string msg;
  std::string given = std::to_string(n);
  if (style == ArgStyle::DOTTED) {
    msg = std::string("str.") + name + "() takes " + (max == 0 ? "no arguments" : "exactly one argument") +
          " (" + given + " given)";
  } else if (style == ArgStyle::TAKES) {
    msg = std::string(name) + "() takes " + (n < min ? "at least " + plural(min, "argument")
                                                       : "at most " + plural(max, "argument")) +
          " (" + given + " given)";
  } else {
    msg = std::string(name) + " expected " +
          (n < min ? "at least " + plural(min, "argument") : "at most " + plural(max, "argument")) + ", got " +
          given;
  }
  raise(vm, vm.types.TypeError, msg);
  return false;
}

Str* self_str(const CallArgs& args) { return args.positional[0].as<Str>(); }

// Argument Clinic-style parameters: fills out[i] for each of [names] from the
// positional (after self) and keyword arguments; absent ones stay NULL.
bool clinic_args(Vm& vm, const CallArgs& args, const char* fname, std::initializer_list<const char*> names,
                 Value* out) {
  size_t npos = args.positional.size() - 1;
  size_t total = npos + args.kwvalues.size();
  if (total > names.size()) {
    raise(vm, vm.types.TypeError, std::string(fname) + "() takes at most " +
                                      plural(static_cast<int64_t>(names.size()), "argument") + " (" +
                                      std::to_string(total) + " given)");
    return false;
  }
  for (size_t i = 0; i < names.size(); i++) out[i] = i < npos ? args.positional[i + 1] : Value::null();
  for (size_t k = 0; k < args.kwvalues.size(); k++) {
    std::string_view key = args.kwnames->items[k].as<Str>()->view();
    size_t idx = 0;
    while (idx < names.size() && key != names.begin()[idx]) idx++;
    if (idx == names.size()) {
      raise(vm, vm.types.TypeError,
            std::string(1, '\'').append(key).append("' is an invalid keyword argument for ").append(fname).append("()"));
      return false;
    }
    if (idx < npos) {
      raise(vm, vm.types.TypeError, std::string("argument for ").append(fname).append("() given by name ('")
                                        .append(key).append("') and position (").append(std::to_string(idx + 1))
                                        .append(")"));
      return false;
    }
    out[idx] = args.kwvalues[k];
  }
  return true;
}

// Positional argument [i] (after self), or NULL when absent.
Value arg(const CallArgs& args, size_t i) {
  return i + 1 < args.positional.size() ? args.positional[i + 1] : Value::null();
}

// Converts an integer argument ("'str' object cannot be interpreted as an integer").
bool as_ssize(Vm& vm, Value v, int64_t* out) {
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError,
          std::string(1, '\'').append(type_name(vm, v)).append("' object cannot be interpreted as an integer"));
    return false;
  }
  if (!int_to_int64(v, out)) {
    raise(vm, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

// A start/end argument of find & co.: None or int, clamped like CPython's
// _PyEval_SliceIndex (huge ints saturate).
bool slice_index(Vm& vm, Value v, int64_t* out) {
  if (v.is_null() || v.is_none()) return true;
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  if (!int_to_int64(v, out)) {
    BigNum tmp;
    *out = int_view(v, tmp).neg ? INT64_MIN : INT64_MAX;
  }
  return true;
}

// "must be str, not int" style check.
bool need_str(Vm& vm, Value v, const std::string& prefix) {
  if (is_str(v)) return true;
  raise(vm, vm.types.TypeError, prefix + "must be str, not " + std::string(type_name(vm, v)));
  return false;
}

// -- Positions ---------------------------------------------------------------------

// A resolved [start, end) window of a str, in code points and bytes.
struct Window {
  int64_t start, end;     // code points, after CPython's ADJUST_INDICES
  uint64_t bstart, bend;  // bytes (valid only when start <= end)
};

Window make_window(const Str* s, int64_t start, int64_t end) {
  int64_t len = static_cast<int64_t>(s->cp_len);
  if (end > len) end = len;
  else if (end < 0 && (end += len) < 0) end = 0;
  if (start < 0 && (start += len) < 0) start = 0;
  Window w{start, end, 0, 0};
  if (start <= end && start <= len) {
    w.bstart = str_byte_offset(s, static_cast<uint64_t>(start));
    w.bend = str_byte_offset(s, static_cast<uint64_t>(end));
  }
  return w;
}

// Parses (sub[, start[, end]]) for find/rfind/index/rindex/count.
bool find_args(Vm& vm, const CallArgs& args, const char* name, Str** sub, Window* w) {
  if (!method_kwargs_ok(vm, args, name)) return false;
  if (!method_args(vm, args, name, 1, 3, ArgStyle::TAKES)) return false;
  if (!need_str(vm, arg(args, 0), "")) return false;
  int64_t start = 0, end = INT64_MAX;
  if (!slice_index(vm, arg(args, 1), &start) || !slice_index(vm, arg(args, 2), &end)) return false;
  *sub = arg(args, 0).as<Str>();
  *w = make_window(self_str(args), start, end);
  return true;
}

// Index of [sub] in the window (forward or reverse); -1 when absent.
int64_t find_in(const Str* s, const Str* sub, const Window& w, bool reverse) {
  if (w.end - w.start < static_cast<int64_t>(sub->cp_len)) return -1;
  std::string_view hay(s->data + w.bstart, w.bend - w.bstart);
  size_t at = reverse ? hay.rfind(sub->view()) : hay.find(sub->view());
  if (at == std::string_view::npos) return -1;
  return w.start + static_cast<int64_t>(utf8_count(hay.substr(0, at)));
}

Value find_common(Vm& vm, const CallArgs& args, const char* name, bool reverse, bool raises) {
  Str* sub;
  Window w;
  if (!find_args(vm, args, name, &sub, &w)) return Value::exception();
  int64_t r = find_in(self_str(args), sub, w, reverse);
  if (r < 0 && raises) return raise(vm, vm.types.ValueError, "substring not found");
  return Value::small_int(r);
}

Value m_find(Vm& vm, const CallArgs& args) { return find_common(vm, args, "find", false, false); }
Value m_rfind(Vm& vm, const CallArgs& args) { return find_common(vm, args, "rfind", true, false); }
Value m_index(Vm& vm, const CallArgs& args) { return find_common(vm, args, "index", false, true); }
Value m_rindex(Vm& vm, const CallArgs& args) { return find_common(vm, args, "rindex", true, true); }

Value m_count(Vm& vm, const CallArgs& args) {
  Str* sub;
  Window w;
  if (!find_args(vm, args, "count", &sub, &w)) return Value::exception();
  if (w.end - w.start < static_cast<int64_t>(sub->cp_len)) return Value::small_int(0);
  if (sub->byte_len == 0) return Value::small_int(w.end - w.start + 1);
  std::string_view hay(self_str(args)->data + w.bstart, w.bend - w.bstart);
  int64_t n = 0;
  for (size_t at = hay.find(sub->view()); at != std::string_view::npos; at = hay.find(sub->view(), at + sub->byte_len))
    n++;
  return Value::small_int(n);
}

// True when [sub] matches at the start (or end) of the window.
bool tail_match(const Str* s, const Str* sub, const Window& w, bool at_end) {
  if (w.start > static_cast<int64_t>(s->cp_len)) return false;
  if (w.end - w.start < static_cast<int64_t>(sub->cp_len)) return false;
  std::string_view hay(s->data + w.bstart, w.bend - w.bstart);
  return at_end ? hay.ends_with(sub->view()) : hay.starts_with(sub->view());
}

Value starts_ends(Vm& vm, const CallArgs& args, const char* name, bool at_end) {
  if (!method_kwargs_ok(vm, args, name)) return Value::exception();
  if (!method_args(vm, args, name, 1, 3, ArgStyle::TAKES)) return Value::exception();
  int64_t start = 0, end = INT64_MAX;
  if (!slice_index(vm, arg(args, 1), &start) || !slice_index(vm, arg(args, 2), &end)) return Value::exception();
  Str* s = self_str(args);
  Window w = make_window(s, start, end);
  Value x = arg(args, 0);
  if (is_str(x)) return Value::boolean(tail_match(s, x.as<Str>(), w, at_end));
  if (x.is_obj() && x.as_obj()->klass == vm.types.tuple) {
    Tuple* t = x.as<Tuple>();
    for (uint64_t i = 0; i < t->size; i++) {
      if (!is_str(t->items[i]))
        return raise(vm, vm.types.TypeError, std::string("tuple for ") + name + " must only contain str, not " +
                                                 std::string(type_name(vm, t->items[i])));
      if (tail_match(s, t->items[i].as<Str>(), w, at_end)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  return raise(vm, vm.types.TypeError, std::string(name) + " first arg must be str or a tuple of str, not " +
                                           std::string(type_name(vm, x)));
}

Value m_startswith(Vm& vm, const CallArgs& args) { return starts_ends(vm, args, "startswith", false); }
Value m_endswith(Vm& vm, const CallArgs& args) { return starts_ends(vm, args, "endswith", true); }

// -- Building results -----------------------------------------------------------------

// Appends a new str of [text] to [list] (rooted by the caller).
bool append_piece(Vm& vm, List* list, std::string_view text) {
  RootValue piece(vm, str_new(vm, text));
  if (piece.get().is_exception()) return false;
  return list_append(vm, list, piece);
}

// Builds a tuple of three strs.
Value tuple3(Vm& vm, std::string_view a, std::string_view b, std::string_view c) {
  RootValue va(vm, str_new(vm, a));
  CT_TRY(va.get());
  RootValue vb(vm, str_new(vm, b));
  CT_TRY(vb.get());
  RootValue vc(vm, str_new(vm, c));
  CT_TRY(vc.get());
  Value items[3] = {va, vb, vc};
  return tuple_from(vm, items);
}

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  for (size_t pos = 0; pos < s.size();) out += utf8_decode(s, &pos);
  return out;
}

bool is_space_cp(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return uni_is(cp, kUniSpace);
}

// -- split / rsplit / splitlines -------------------------------------------------------

// Parses (sep=None, maxsplit=-1) for split/rsplit.
bool split_args(Vm& vm, const CallArgs& args, const char* name, Value* sep, int64_t* maxsplit) {
  Value params[2];
  if (!clinic_args(vm, args, name, {"sep", "maxsplit"}, params)) return false;
  *sep = params[0];
  Value ms = params[1];
  *maxsplit = -1;
  if (!ms.is_null() && !as_ssize(vm, ms, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  if (sep->is_null() || sep->is_none()) {
    *sep = Value::none();
    return true;
  }
  if (!is_str(*sep)) {
    raise(vm, vm.types.TypeError, "must be str or None, not " + std::string(type_name(vm, *sep)));
    return false;
  }
  if (sep->as<Str>()->byte_len == 0) {
    raise(vm, vm.types.ValueError, "empty separator");
    return false;
  }
  return true;
}

// Byte length of the whitespace code point starting at [pos], or 0.
size_t space_at(std::string_view s, size_t pos) {
  size_t p = pos;
  uint32_t cp = utf8_decode(s, &p);
  return is_space_cp(cp) ? p - pos : 0;
}

// Byte length of the whitespace code point ending at [end], or 0.
size_t space_before(std::string_view s, size_t end) {
  size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) start--;
  return space_at(s, start) == end - start ? end - start : 0;
}

bool split_whitespace(Vm& vm, List* out, std::string_view s, int64_t maxsplit) {
  size_t i = 0, n = s.size();
  while (true) {
    while (i < n && space_at(s, i)) i += space_at(s, i);
    if (i >= n) return true;
    if (maxsplit-- == 0) return append_piece(vm, out, s.substr(i));  // keeps trailing space
    size_t j = i;
    while (j < n && !space_at(s, j)) {
      size_t p = j;
      utf8_decode(s, &p);
      j = p;
    }
    if (!append_piece(vm, out, s.substr(i, j - i))) return false;
    i = j;
  }
}

Value m_split(Vm& vm, const CallArgs& args) {
  Value sep;
  int64_t maxsplit;
  if (!split_args(vm, args, "split", &sep, &maxsplit)) return Value::exception();
  Root<List> out(vm, nullptr);
  Value l = list_new(vm);
  CT_TRY(l);
  out.set(l.as<List>());
  std::string_view s = self_str(args)->view();
  if (sep.is_none()) {
    if (!split_whitespace(vm, out, s, maxsplit)) return Value::exception();
    return Value::object(out.get());
  }
  std::string_view d = sep.as<Str>()->view();
  size_t i = 0;
  for (size_t at; maxsplit > 0 && (at = s.find(d, i)) != std::string_view::npos; maxsplit--) {
    if (!append_piece(vm, out, s.substr(i, at - i))) return Value::exception();
    i = at + d.size();
  }
  if (!append_piece(vm, out, s.substr(i))) return Value::exception();
  return Value::object(out.get());
}

// Reverses [list] in place (rsplit collects right to left).
void reverse_list(List* list) { std::reverse(list->items(), list->items() + list->size); }

Value m_rsplit(Vm& vm, const CallArgs& args) {
  Value sep;
  int64_t maxsplit;
  if (!split_args(vm, args, "rsplit", &sep, &maxsplit)) return Value::exception();
  Root<List> out(vm, nullptr);
  Value l = list_new(vm);
  CT_TRY(l);
  out.set(l.as<List>());
  std::string_view s = self_str(args)->view();
  if (sep.is_none()) {
    size_t j = s.size();
    while (true) {
      while (j > 0 && space_before(s, j)) j -= space_before(s, j);
      if (j == 0) break;
      if (maxsplit-- == 0) {
        if (!append_piece(vm, out, s.substr(0, j))) return Value::exception();  // keeps leading space
        break;
      }
      size_t i = j;
      while (i > 0 && !space_before(s, i)) {
        i--;
        while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) i--;
      }
      if (!append_piece(vm, out, s.substr(i, j - i))) return Value::exception();
      j = i;
    }
    reverse_list(out);
    return Value::object(out.get());
  }
  std::string_view d = sep.as<Str>()->view();
  size_t j = s.size();
  for (; maxsplit > 0 && j >= d.size(); maxsplit--) {
    size_t at = s.substr(0, j).rfind(d);
    if (at == std::string_view::npos) break;
    if (!append_piece(vm, out, s.substr(at + d.size(), j - at - d.size()))) return Value::exception();
    j = at;
  }
  if (!append_piece(vm, out, s.substr(0, j))) return Value::exception();
  reverse_list(out);
  return Value::object(out.get());
}

// Byte length of the line break at [pos] (\r\n counts as one), or 0.
size_t line_break_at(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == '\r') return pos + 1 < s.size() && s[pos + 1] == '\n' ? 2 : 1;
  if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) return 1;
  if (c < 0x80) return 0;
  size_t p = pos;
  uint32_t cp = utf8_decode(s, &p);
  return (cp == 0x85 || cp == 0x2028 || cp == 0x2029) ? p - pos : 0;
}

Value m_splitlines(Vm& vm, const CallArgs& args) {
  Value ke;
  if (!clinic_args(vm, args, "splitlines", {"keepends"}, &ke)) return Value::exception();
  int64_t keepends = 0;
  if (!ke.is_null() && !as_ssize(vm, ke, &keepends)) return Value::exception();
  Root<List> out(vm, nullptr);
  Value l = list_new(vm);
  CT_TRY(l);
  out.set(l.as<List>());
  std::string_view s = self_str(args)->view();
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i, br = 0;
    while (j < s.size() && (br = line_break_at(s, j)) == 0) {
      j++;
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) j++;  // whole code points
    }
    if (!append_piece(vm, out, s.substr(i, j - i + (keepends ? br : 0)))) return Value::exception();
    i = j + br;
  }
  return Value::object(out.get());
}

// -- join -----------------------------------------------------------------------------

// Collects the items of [iterable] into a new list (fast paths for list/tuple
// are handled by the caller).
Value collect(Vm& vm, Value iterable) {
  RootValue it(vm, get_iter(vm, iterable));
  if (it.get().is_exception()) {
    vm.pending = Value::null();
    return raise(vm, vm.types.TypeError, "can only join an iterable");
  }
  Value l = list_new(vm);
  CT_TRY(l);
  Root<List> out(vm, l.as<List>());
  for (;;) {
    RootValue x(vm, iter_next(vm, it));
    if (x.get().is_exception()) return Value::exception();
    if (x.get().is_null()) return Value::object(out.get());
    if (!list_append(vm, out, x)) return Value::exception();
  }
}

Value m_join(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "join", 1, 1, ArgStyle::DOTTED)) return Value::exception();
  Value seq = arg(args, 0);
  RootValue holder(vm);
  std::span<const Value> items;
  if (seq.is_obj() && seq.as_obj()->klass == vm.types.list) {
    if (!list_to_values(vm, seq.as<List>())) return Value::exception();
    items = seq.as<List>()->span();
  } else if (seq.is_obj() && seq.as_obj()->klass == vm.types.tuple) {
    items = seq.as<Tuple>()->span();
  } else {
    holder.set(collect(vm, seq));
    CT_TRY(holder.get());
    items = holder.get().as<List>()->span();
  }
  if (items.size() == 1 && items[0].is_obj() && items[0].as_obj()->klass == vm.types.str) return items[0];
  Str* sep = self_str(args);
  uint64_t bytes = 0, cps = 0;
  for (size_t i = 0; i < items.size(); i++) {
    if (!is_str(items[i]))
      return raise(vm, vm.types.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                               std::string(type_name(vm, items[i])) + " found");
    const Str* item = items[i].as<Str>();
    bytes += item->byte_len + (i ? sep->byte_len : 0);
    cps += item->cp_len + (i ? sep->cp_len : 0);
  }
  // Written straight into the result: no intermediate buffer doubles the peak
  // memory of a big join. The allocation may collect, but [items] stays
  // valid: its list or tuple is rooted (argument or [holder]), objects never
  // move and no Python code runs in between.
  Str* out = str_alloc(vm, bytes, cps);
  if (out == nullptr) return Value::exception();
  char* p = out->data;
  for (size_t i = 0; i < items.size(); i++) {
    if (i) p = std::copy_n(sep->data, sep->byte_len, p);
    const Str* item = items[i].as<Str>();
    p = std::copy_n(item->data, item->byte_len, p);
  }
  return Value::object(out);
}

// -- strip ------------------------------------------------------------------------------

enum StripSide { kLeft = 1, kRight = 2, kBoth = 3 };

Value strip_common(Vm& vm, const CallArgs& args, const char* name, int side) {
  if (!method_args(vm, args, name, 0, 1)) return Value::exception();
  Value chars = arg(args, 0);
  Str* s = self_str(args);
  std::string_view v = s->view();
  std::u32string set;
  bool use_set = !chars.is_null() && !chars.is_none();
  if (use_set) {
    if (!is_str(chars)) return raise(vm, vm.types.TypeError, std::string(name) + " arg must be None or str");
    set = decode_all(chars.as<Str>()->view());
  }
  auto strip_cp = [&](uint32_t cp) { return use_set ? set.find(cp) != std::u32string::npos : is_space_cp(cp); };
  size_t i = 0, j = v.size();
  if (side & kLeft) {
    while (i < j) {
      size_t p = i;
      if (!strip_cp(utf8_decode(v, &p))) break;
      i = p;
    }
  }
  if (side & kRight) {
    while (j > i) {
      size_t start = j - 1;
      while (start > i && (static_cast<unsigned char>(v[start]) & 0xC0) == 0x80) start--;
      size_t p = start;
      if (!strip_cp(utf8_decode(v, &p))) break;
      j = start;
    }
  }
  if (i == 0 && j == v.size()) return Value::object(s);
  return str_new(vm, v.substr(i, j - i));
}

Value m_strip(Vm& vm, const CallArgs& args) { return strip_common(vm, args, "strip", kBoth); }
Value m_lstrip(Vm& vm, const CallArgs& args) { return strip_common(vm, args, "lstrip", kLeft); }
Value m_rstrip(Vm& vm, const CallArgs& args) { return strip_common(vm, args, "rstrip", kRight); }

Value m_removeprefix(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "removeprefix", 1, 1, ArgStyle::DOTTED)) return Value::exception();
  if (!need_str(vm, arg(args, 0), "removeprefix() argument ")) return Value::exception();
  Str* s = self_str(args);
  std::string_view p = arg(args, 0).as<Str>()->view();
  if (p.empty() || !s->view().starts_with(p)) return Value::object(s);
  return str_new(vm, s->view().substr(p.size()));
}

Value m_removesuffix(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "removesuffix", 1, 1, ArgStyle::DOTTED)) return Value::exception();
  if (!need_str(vm, arg(args, 0), "removesuffix() argument ")) return Value::exception();
  Str* s = self_str(args);
  std::string_view p = arg(args, 0).as<Str>()->view();
  if (p.empty() || !s->view().ends_with(p)) return Value::object(s);
  return str_new(vm, s->view().substr(0, s->byte_len - p.size()));
}

// -- replace ---------------------------------------------------------------------------

// Counts the non-overlapping occurrences of [old] (non-empty) in [v], at most [limit].
int64_t count_matches(std::string_view v, std::string_view old, int64_t limit) {
  int64_t n = 0;
  for (size_t at = v.find(old); n < limit && at != std::string_view::npos; at = v.find(old, at + old.size())) n++;
  return n;
}

// [s] with [rep] inserted before every code point and at the end, up to [count] times.
Value replace_empty(Vm& vm, Str* s, Str* rep, int64_t count) {
  uint64_t n = std::min<uint64_t>(static_cast<uint64_t>(count), s->cp_len + 1);
  if (n == 0) return Value::object(s);
  uint64_t bytes;
  if (__builtin_mul_overflow(n, rep->byte_len, &bytes) || __builtin_add_overflow(bytes, s->byte_len, &bytes))
    return raise(vm, vm.types.OverflowError, "replace string is too long");
  Str* out = str_alloc(vm, bytes, s->cp_len + n * rep->cp_len);
  if (out == nullptr) return Value::exception();
  std::string_view v = s->view();
  char* p = out->data;
  size_t pos = 0;
  for (uint64_t k = 0; k < n; k++) {
    p = std::copy_n(rep->data, rep->byte_len, p);
    if (pos >= v.size()) break;
    size_t next = pos;
    utf8_decode(v, &next);
    p = std::copy_n(v.data() + pos, next - pos, p);
    pos = next;
  }
  std::copy(v.begin() + static_cast<ptrdiff_t>(std::min(pos, v.size())), v.end(), p);
  return Value::object(out);
}

Value m_replace(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "replace", 2, 3)) return Value::exception();
  if (!need_str(vm, arg(args, 0), "replace() argument 1 ")) return Value::exception();
  if (!need_str(vm, arg(args, 1), "replace() argument 2 ")) return Value::exception();
  int64_t count = -1;
  if (!arg(args, 2).is_null() && !as_ssize(vm, arg(args, 2), &count)) return Value::exception();
  if (count < 0) count = INT64_MAX;
  Str* s = self_str(args);
  Str* old = args.positional[1].as<Str>();
  Str* rep = args.positional[2].as<Str>();
  if (old->byte_len == 0) return replace_empty(vm, s, rep, count);
  // Two passes, as CPython does: count the matches, then write the result
  // in place at its exact size (no intermediate buffer that grows by doubling).
  std::string_view v = s->view();
  int64_t n = count_matches(v, old->view(), count);
  if (n == 0) return Value::object(s);
  auto un = static_cast<uint64_t>(n);
  uint64_t bytes;
  if (__builtin_mul_overflow(un, rep->byte_len, &bytes) ||
      __builtin_add_overflow(bytes, s->byte_len - un * old->byte_len, &bytes))
    return raise(vm, vm.types.OverflowError, "replace string is too long");
  Str* out = str_alloc(vm, bytes, s->cp_len - un * old->cp_len + un * rep->cp_len);
  if (out == nullptr) return Value::exception();
  char* p = out->data;
  size_t i = 0;
  for (int64_t k = 0; k < n; k++) {
    size_t at = v.find(old->view(), i);
    p = std::copy_n(v.data() + i, at - i, p);
    p = std::copy_n(rep->data, rep->byte_len, p);
    i = at + old->byte_len;
  }
  std::copy(v.begin() + static_cast<ptrdiff_t>(i), v.end(), p);
  return Value::object(out);
}

// -- Case mapping -------------------------------------------------------------------------

// CPython's handle_capital_sigma: final sigma when preceded by a cased letter
// and not followed by one (case-ignorable code points skipped both ways).
uint32_t sigma_lower(const std::u32string& cps, size_t i) {
  size_t j = i;
  uint32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = cps[--j];
    if (!uni_is(c, kUniCaseIgnorable)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && uni_is(c, kUniCased);
  if (final_sigma) {
    size_t k = i + 1;
    for (; k < cps.size(); k++) {
      c = cps[k];
      if (!uni_is(c, kUniCaseIgnorable)) break;
    }
    final_sigma = k == cps.size() || !uni_is(c, kUniCased);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void lower_at(std::string& out, const std::u32string& cps, size_t i) {
  if (cps[i] == 0x3A3) utf8_append(out, sigma_lower(cps, i));
  else uni_case_append(out, cps[i], UniCase::LOWER);
}

enum class CaseOp : uint8_t { UPPER, LOWER, FOLD, SWAP, TITLE, CAPITALIZE };

char ascii_map(char c, CaseOp op, bool first_or_after_uncased) {
  bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
  switch (op) {
    case CaseOp::UPPER: return low ? static_cast<char>(c - 32) : c;
    case CaseOp::LOWER:
    case CaseOp::FOLD: return up ? static_cast<char>(c + 32) : c;
    case CaseOp::SWAP: return low ? static_cast<char>(c - 32) : up ? static_cast<char>(c + 32) : c;
    case CaseOp::TITLE:
    case CaseOp::CAPITALIZE:
      if (first_or_after_uncased) return low ? static_cast<char>(c - 32) : c;
      return up ? static_cast<char>(c + 32) : c;
  }
  return c;
}

// Maps the ASCII text [v] into [out] (same length; may not alias).
void case_ascii(std::string_view v, char* out, CaseOp op) {
  bool prev_cased = false;
  for (size_t i = 0; i < v.size(); i++) {
    char c = v[i];
    bool start = op == CaseOp::CAPITALIZE ? i == 0 : !prev_cased;
    out[i] = ascii_map(c, op, start);
    prev_cased = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}

std::string case_unicode(std::string_view v, CaseOp op) {
  std::u32string cps = decode_all(v);
  std::string out;
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); i++) {
    uint32_t c = cps[i];
    switch (op) {
      case CaseOp::UPPER: uni_case_append(out, c, UniCase::UPPER); break;
      case CaseOp::LOWER: lower_at(out, cps, i); break;
      case CaseOp::FOLD: uni_case_append(out, c, UniCase::FOLD); break;
      case CaseOp::SWAP:
        if (uni_is(c, kUniUpper)) lower_at(out, cps, i);
        else if (uni_is(c, kUniLower)) uni_case_append(out, c, UniCase::UPPER);
        else utf8_append(out, c);
        break;
      case CaseOp::TITLE:
        if (prev_cased) lower_at(out, cps, i);
        else uni_case_append(out, c, UniCase::TITLE);
        prev_cased = uni_is(c, kUniCased);
        break;
      case CaseOp::CAPITALIZE:
        if (i == 0) uni_case_append(out, c, UniCase::TITLE);
        else lower_at(out, cps, i);
        break;
    }
  }
  return out;
}

Value case_common(Vm& vm, const CallArgs& args, const char* name, CaseOp op) {
  if (!method_args(vm, args, name, 0, 0, ArgStyle::DOTTED)) return Value::exception();
  Str* s = self_str(args);
  if (!s->is_ascii()) return str_new(vm, case_unicode(s->view(), op));
  Str* out = str_alloc(vm, s->byte_len, s->cp_len);  // ASCII case maps keep the length
  if (out == nullptr) return Value::exception();
  case_ascii(s->view(), out->data, op);  // self is rooted and never moves
  return Value::object(out);
}

Value m_upper(Vm& vm, const CallArgs& args) { return case_common(vm, args, "upper", CaseOp::UPPER); }
Value m_lower(Vm& vm, const CallArgs& args) { return case_common(vm, args, "lower", CaseOp::LOWER); }
Value m_casefold(Vm& vm, const CallArgs& args) { return case_common(vm, args, "casefold", CaseOp::FOLD); }
Value m_swapcase(Vm& vm, const CallArgs& args) { return case_common(vm, args, "swapcase", CaseOp::SWAP); }
Value m_title(Vm& vm, const CallArgs& args) { return case_common(vm, args, "title", CaseOp::TITLE); }
Value m_capitalize(Vm& vm, const CallArgs& args) { return case_common(vm, args, "capitalize", CaseOp::CAPITALIZE); }

// -- Predicates ---------------------------------------------------------------------------

// True when [s] is non-empty and every code point has one of [flags].
bool all_have(const Str* s, uint16_t flags) {
  if (s->byte_len == 0) return false;
  std::string_view v = s->view();
  for (size_t pos = 0; pos < v.size();)
    if ((uni_flags(utf8_decode(v, &pos)) & flags) == 0) return false;
  return true;
}

#define CT_STR_PREDICATES(_)                          \
  _(isalpha, kUniAlpha)                               \
  _(isdecimal, kUniDecimal)                           \
  _(isdigit, kUniDigit)                               \
  _(isnumeric, kUniNumeric)                           \
  _(isspace, kUniSpace)                               \
  _(isalnum, kUniAlpha | kUniDecimal | kUniDigit | kUniNumeric)

#define CT_PREDICATE_FN(name, flags)                                                          \
  Value m_##name(Vm& vm, const CallArgs& args) {                                            \
    if (!method_args(vm, args, #name, 0, 0, ArgStyle::DOTTED)) return Value::exception();   \
    return Value::boolean(all_have(self_str(args), flags));                                 \
  }
CT_STR_PREDICATES(CT_PREDICATE_FN)
#undef CT_PREDICATE_FN

// Shared walk of isupper/islower: [want] must appear, [forbid] must not.
Value cased_predicate(Vm& vm, const CallArgs& args, const char* name, uint16_t want, uint16_t forbid) {
  if (!method_args(vm, args, name, 0, 0, ArgStyle::DOTTED)) return Value::exception();
  std::string_view v = self_str(args)->view();
  bool cased = false;
  for (size_t pos = 0; pos < v.size();) {
    uint16_t f = uni_flags(utf8_decode(v, &pos));
    if (f & forbid) return Value::boolean(false);
    if (f & want) cased = true;
  }
  return Value::boolean(cased);
}

Value m_isupper(Vm& vm, const CallArgs& args) {
  return cased_predicate(vm, args, "isupper", kUniUpper, kUniLower | kUniTitle);
}
Value m_islower(Vm& vm, const CallArgs& args) {
  return cased_predicate(vm, args, "islower", kUniLower, kUniUpper | kUniTitle);
}

Value m_istitle(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "istitle", 0, 0, ArgStyle::DOTTED)) return Value::exception();
  std::string_view v = self_str(args)->view();
  bool cased = false, prev_cased = false;
  for (size_t pos = 0; pos < v.size();) {
    uint16_t f = uni_flags(utf8_decode(v, &pos));
    if (f & (kUniUpper | kUniTitle)) {
      if (prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else if (f & kUniLower) {
      if (!prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::boolean(cased);
}

Value m_isidentifier(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "isidentifier", 0, 0, ArgStyle::DOTTED)) return Value::exception();
  std::string_view v = self_str(args)->view();
  if (v.empty()) return Value::boolean(false);
  size_t pos = 0;
  if (!uni_is(utf8_decode(v, &pos), kUniIdStart)) return Value::boolean(false);
  while (pos < v.size())
    if (!uni_is(utf8_decode(v, &pos), kUniIdContinue)) return Value::boolean(false);
  return Value::boolean(true);
}

Value m_isascii(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "isascii", 0, 0, ArgStyle::DOTTED)) return Value::exception();
  return Value::boolean(self_str(args)->is_ascii());
}

Value m_isprintable(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "isprintable", 0, 0, ArgStyle::DOTTED)) return Value::exception();
  std::string_view v = self_str(args)->view();
  for (size_t pos = 0; pos < v.size();)
    if (!uni_is(utf8_decode(v, &pos), kUniPrintable)) return Value::boolean(false);
  return Value::boolean(true);
}

// -- Padding ---------------------------------------------------------------------------------

// Parses (width[, fillchar]) for ljust/rjust/center; [fill] is a code point.
bool pad_args(Vm& vm, const CallArgs& args, const char* name, int64_t* width, uint32_t* fill) {
  if (!method_args(vm, args, name, 1, 2)) return false;
  if (!as_ssize(vm, arg(args, 0), width)) return false;
  *fill = ' ';
  if (args.positional.size() < 3) return true;
  Value f = args.positional[2];
  if (!is_str(f)) {
    raise(vm, vm.types.TypeError,
          std::string("The fill character must be a unicode character, not ").append(type_name(vm, f)));
    return false;
  }
  if (f.as<Str>()->cp_len != 1) {
    raise(vm, vm.types.TypeError, "The fill character must be exactly one character long");
    return false;
  }
  size_t pos = 0;
  *fill = utf8_decode(f.as<Str>()->view(), &pos);
  return true;
}

std::string repeat(uint32_t fill, int64_t n) {
  std::string one, out;
  utf8_append(one, fill);
  for (int64_t i = 0; i < n; i++) out += one;
  return out;
}

Value pad(Vm& vm, Str* s, int64_t left, int64_t right, uint32_t fill) {
  if (left <= 0 && right <= 0) return Value::object(s);
  std::string out = repeat(fill, std::max<int64_t>(left, 0));
  out += s->view();
  out += repeat(fill, std::max<int64_t>(right, 0));
  return str_new(vm, out);
}

Value m_ljust(Vm& vm, const CallArgs& args) {
  int64_t width;
  uint32_t fill;
  if (!pad_args(vm, args, "ljust", &width, &fill)) return Value::exception();
  Str* s = self_str(args);
  return pad(vm, s, 0, width - static_cast<int64_t>(s->cp_len), fill);
}

Value m_rjust(Vm& vm, const CallArgs& args) {
  int64_t width;
  uint32_t fill;
  if (!pad_args(vm, args, "rjust", &width, &fill)) return Value::exception();
  Str* s = self_str(args);
  return pad(vm, s, width - static_cast<int64_t>(s->cp_len), 0, fill);
}

Value m_center(Vm& vm, const CallArgs& args) {
  int64_t width;
  uint32_t fill;
  if (!pad_args(vm, args, "center", &width, &fill)) return Value::exception();
  Str* s = self_str(args);
  int64_t marg = width - static_cast<int64_t>(s->cp_len);
  if (marg <= 0) return Value::object(s);
  int64_t left = marg / 2 + (marg & width & 1);  // CPython's rounding
  return pad(vm, s, left, marg - left, fill);
}

Value m_zfill(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "zfill", 1, 1, ArgStyle::DOTTED)) return Value::exception();
  int64_t width;
  if (!as_ssize(vm, arg(args, 0), &width)) return Value::exception();
  Str* s = self_str(args);
  int64_t fill = width - static_cast<int64_t>(s->cp_len);
  if (fill <= 0) return Value::object(s);
  std::string_view v = s->view();
  std::string out;
  size_t body = 0;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out += v[0];
    body = 1;
  }
  out.append(static_cast<size_t>(fill), '0');
  out += v.substr(body);
  return str_new(vm, out);
}

Value m_expandtabs(Vm& vm, const CallArgs& args) {
  Value ts;
  if (!clinic_args(vm, args, "expandtabs", {"tabsize"}, &ts)) return Value::exception();
  int64_t tabsize = 8;
  if (!ts.is_null() && !as_ssize(vm, ts, &tabsize)) return Value::exception();
  std::string_view v = self_str(args)->view();
  std::string out;
  int64_t col = 0;
  for (size_t pos = 0; pos < v.size();) {
    size_t start = pos;
    uint32_t cp = utf8_decode(v, &pos);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - col % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        col += spaces;
      }
      continue;
    }
    out += v.substr(start, pos - start);
    col = (cp == '\n' || cp == '\r') ? 0 : col + 1;
  }
  return str_new(vm, out);
}

// -- partition ------------------------------------------------------------------------------

Value partition_common(Vm& vm, const CallArgs& args, const char* name, bool reverse) {
  if (!method_args(vm, args, name, 1, 1, ArgStyle::DOTTED)) return Value::exception();
  if (!need_str(vm, arg(args, 0), "")) return Value::exception();
  std::string_view v = self_str(args)->view();
  std::string_view sep = arg(args, 0).as<Str>()->view();
  if (sep.empty()) return raise(vm, vm.types.ValueError, "empty separator");
  size_t at = reverse ? v.rfind(sep) : v.find(sep);
  if (at == std::string_view::npos) return reverse ? tuple3(vm, "", "", v) : tuple3(vm, v, "", "");
  return tuple3(vm, v.substr(0, at), sep, v.substr(at + sep.size()));
}

Value m_partition(Vm& vm, const CallArgs& args) { return partition_common(vm, args, "partition", false); }
Value m_rpartition(Vm& vm, const CallArgs& args) { return partition_common(vm, args, "rpartition", true); }

// -- format ---------------------------------------------------------------------------------

Value m_format(Vm& vm, const CallArgs& args) { return str_format_method(vm, args); }

Value m_format_map(Vm& vm, const CallArgs& args) { return str_format_map_method(vm, args); }

// -- translate -----------------------------------------------------------------------------

// Appends the translation of [cp] through [table] (CPython's charmaptranslate_lookup).
bool translate_one(Vm& vm, Value table, uint32_t cp, std::string& out) {
  Value r = get_item(vm, table, Value::small_int(cp));
  if (r.is_exception()) {
    if (!is_instance(vm, vm.pending, vm.types.LookupError)) return false;
    vm.pending = Value::null();
    utf8_append(out, cp);
    return true;
  }
  if (r.is_none()) return true;
  if (is_str(r)) {
    out += r.as<Str>()->view();
    return true;
  }
  if (!is_int_like(vm, r)) {
    raise(vm, vm.types.TypeError, "character mapping must return integer, None or str");
    return false;
  }
  int64_t v;
  if (!int_to_int64(r, &v) || v < 0 || v > 0x10FFFF) {
    raise(vm, vm.types.ValueError, "character mapping must be in range(0x110000)");
    return false;
  }
  utf8_append(out, static_cast<uint32_t>(v));
  return true;
}

Value m_translate(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "translate", 1, 1, ArgStyle::DOTTED)) return Value::exception();
  std::string_view v = self_str(args)->view();
  std::string out;
  for (size_t pos = 0; pos < v.size();)
    if (!translate_one(vm, args.positional[1], utf8_decode(v, &pos), out)) return Value::exception();
  return str_new(vm, out);
}

Value m_dunder_format(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 2 || !args.kwvalues.empty())
    return raise(vm, vm.types.TypeError, "str.__format__() takes exactly one argument (" +
                                             std::to_string(static_cast<int64_t>(args.positional.size()) - 1) +
                                             " given)");
  if (!need_str(vm, arg(args, 0), "__format__() argument ")) return Value::exception();
  return format_value(vm, args.positional[0], arg(args, 0).as<Str>()->view());
}

Value m_dunder_len(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "__len__", 0, 0, ArgStyle::DOTTED)) return Value::exception();
  return Value::small_int(static_cast<int64_t>(self_str(args)->cp_len));
}

}  // namespace

void add_str_methods(Vm& vm, Klass* klass) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kMethods[] = {
      {"find", m_find}, {"rfind", m_rfind}, {"index", m_index}, {"rindex", m_rindex},
      {"count", m_count}, {"startswith", m_startswith}, {"endswith", m_endswith},
      {"split", m_split}, {"rsplit", m_rsplit}, {"splitlines", m_splitlines}, {"join", m_join},
      {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip},
      {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix}, {"replace", m_replace},
      {"upper", m_upper}, {"lower", m_lower}, {"casefold", m_casefold}, {"swapcase", m_swapcase},
      {"title", m_title}, {"capitalize", m_capitalize},
      {"isalpha", m_isalpha}, {"isdecimal", m_isdecimal}, {"isdigit", m_isdigit},
      {"isnumeric", m_isnumeric}, {"isspace", m_isspace}, {"isalnum", m_isalnum},
      {"isupper", m_isupper}, {"islower", m_islower}, {"istitle", m_istitle},
      {"isidentifier", m_isidentifier}, {"isascii", m_isascii}, {"isprintable", m_isprintable},
      {"ljust", m_ljust}, {"rjust", m_rjust}, {"center", m_center}, {"zfill", m_zfill},
      {"expandtabs", m_expandtabs}, {"partition", m_partition}, {"rpartition", m_rpartition},
      {"format", m_format}, {"format_map", m_format_map}, {"translate", m_translate}, {"__format__", m_dunder_format}, {"__len__", m_dunder_len},
  };
  Root<Klass> k(vm, klass);
  for (const Entry& e : kMethods) add_method(vm, k, e.name, e.fn);
}

}  // namespace contrail::runtime
