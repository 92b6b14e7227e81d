// runtime/obj_str.cpp -- str objects: allocation, interning, UTF-8 helpers,
// hashing, repr, and the str type's slots (indexing, slicing, comparison,
// concatenation, repetition, iteration). The methods live in str_methods.cpp.
// Invariants: a Str is immutable, valid UTF-8 and NUL-terminated; ordering by
// UTF-8 bytes equals ordering by code points, so comparisons are memcmp;
// interned strs are reachable from Vm::interned (traced by Vm::trace_roots).
// GC: slot functions receive rooted operands; every helper that allocates
// twice roots what it still needs.
#include "runtime/obj_str.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_misc.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/str_methods.h"
#include "runtime/str_unicode.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// -- UTF-8 -----------------------------------------------------------------------

uint64_t utf8_count(std::string_view utf8) {
  uint64_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

uint64_t str_byte_offset(const Str* s, uint64_t index) {
  if (s->is_ascii()) return index;
  uint64_t pos = 0;
  for (uint64_t i = 0; i < index; i++) {
    pos++;
    while (pos < s->byte_len && (static_cast<unsigned char>(s->data[pos]) & 0xC0) == 0x80) pos++;
  }
  return pos;
}

uint64_t str_cp_index(const Str* s, uint64_t byte) {
  if (s->is_ascii()) return byte;
  return utf8_count(std::string_view(s->data, byte));
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint32_t utf8_decode(std::string_view s, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  size_t p = *pos;
  uint32_t c = byte(p);
  if (c < 0x80) {
    *pos = p + 1;
    return c;
  }
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  c &= 0x3F >> extra;
  for (int i = 1; i <= extra && p + i < s.size(); i++) c = (c << 6) | (byte(p + i) & 0x3F);
  *pos = p + 1 + extra;
  return c;
}

// -- Allocation and interning ------------------------------------------------------

Str* str_alloc(Vm& vm, uint64_t byte_len, uint64_t cp_len) {
  if (byte_len == 0 && vm.names.empty != nullptr) return vm.names.empty;
  if (byte_len > (uint64_t{1} << 40)) {  // beyond any heap; also keeps sizeof(Str) + byte_len from wrapping
    raise_value(vm, vm.memory_error);
    return nullptr;
  }
  Str* s = vm.alloc<Str>(vm.types.str, sizeof(Str) + byte_len + 1);
  if (s == nullptr) return nullptr;
  s->byte_len = byte_len;
  s->cp_len = cp_len;
  return s;  // allocate() zeroed the text and its terminator
}

Value str_new(Vm& vm, std::string_view utf8) {
  // [utf8] may point into a heap str: the caller keeps that str rooted, and
  // objects never move, so it can be read after the allocation.
  Str* s = str_alloc(vm, utf8.size(), utf8_count(utf8));
  if (s == nullptr) return Value::exception();
  if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());
  return Value::object(s);
}

Str* str_intern(Vm& vm, std::string_view utf8) {
  auto it = vm.interned.find(utf8);
  if (it != vm.interned.end()) return it->second;
  Str* s = vm.alloc<Str>(vm.types.str, sizeof(Str) + utf8.size() + 1);
  if (s == nullptr) return nullptr;
  s->byte_len = utf8.size();
  s->cp_len = utf8_count(utf8);
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->data[utf8.size()] = '\0';
  s->interned = 1;
  vm.interned.emplace(s->view(), s);  // key views the str's own (immortal) bytes
  return s;
}

Value str_from_cp(Vm& vm, uint32_t cp) {
  std::string buf;
  utf8_append(buf, cp);
  if (cp < 0x80) {
    Str* s = str_intern(vm, buf);
    return s != nullptr ? Value::object(s) : Value::exception();
  }
  return str_new(vm, buf);
}

Value str_substr(Vm& vm, Str* s, uint64_t start, uint64_t stop) {
  if (start == 0 && stop == s->cp_len) return Value::object(s);
  if (stop - start == 1 && s->is_ascii()) return str_from_cp(vm, static_cast<unsigned char>(s->data[start]));
  uint64_t b0 = str_byte_offset(s, start);
  uint64_t b1 = b0;
  if (s->is_ascii()) {
    b1 = stop;
  } else {
    for (uint64_t i = start; i < stop; i++) {
      b1++;
      while (b1 < s->byte_len && (static_cast<unsigned char>(s->data[b1]) & 0xC0) == 0x80) b1++;
    }
  }
  return str_new(vm, std::string_view(s->data + b0, b1 - b0));
}

// -- Equality, hashing, repr ---------------------------------------------------------

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->byte_len != b->byte_len) return false;
  if (a->hash_valid && b->hash_valid && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, a->byte_len) == 0;
}

int64_t str_hash(Str* s) {
  if (s->hash_valid) return s->hash;
  uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then a final avalanche
  for (uint64_t i = 0; i < s->byte_len; i++) {
    h ^= static_cast<unsigned char>(s->data[i]);
    h *= 0x100000001b3ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  int64_t r = static_cast<int64_t>(h);
  if (r == -1) r = -2;
  s->hash = r;
  s->hash_valid = 1;
  return r;
}

static void hex_escape(std::string& out, uint32_t cp) {
  static constexpr char kHex[] = "0123456789abcdef";
  int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
  out += '\\';
  out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
  for (int i = digits - 1; i >= 0; i--) out += kHex[(cp >> (4 * i)) & 0xF];
}

void str_repr_append(std::string& out, std::string_view utf8, bool ascii_only) {
  // CPython: use double quotes only when the text has ' but no ".
  bool has_single = utf8.find('\'') != std::string_view::npos;
  bool has_double = utf8.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  size_t pos = 0;
  while (pos < utf8.size()) {
    uint32_t cp = utf8_decode(utf8, &pos);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      hex_escape(out, cp);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (!ascii_only && uni_is(cp, kUniPrintable)) {
      utf8_append(out, cp);
    } else {
      hex_escape(out, cp);
    }
  }
  out += quote;
}

// -- Slots -----------------------------------------------------------------------------

namespace {

Value str_repr(Vm& vm, Value self) {
  std::string out;
  str_repr_append(out, self.as<Str>()->view());
  return str_new(vm, out);
}

Value str_str(Vm&, Value self) { return self; }

bool str_hash_slot(Vm&, Value self, int64_t* out) {
  *out = str_hash(self.as<Str>());
  return true;
}

bool str_len(Vm&, Value self, int64_t* out) {
  *out = static_cast<int64_t>(self.as<Str>()->cp_len);
  return true;
}

int str_truth(Vm&, Value self) { return self.as<Str>()->byte_len != 0; }

Value str_iter(Vm& vm, Value self) { return seq_iter_new(vm, vm.types.str_iterator, self, 0, 1); }

Value str_iter_next(Vm& vm, Value self) {
  SeqIter* it = self.as<SeqIter>();
  if (!it->seq.is_obj()) return Value::null();
  Str* s = it->seq.as<Str>();
  if (it->byte >= s->byte_len) {
    it->seq = Value::none();  // exhausted iterators stay exhausted and free the str
    return Value::null();
  }
  size_t pos = it->byte;
  uint32_t cp = utf8_decode(s->view(), &pos);
  it->byte = pos;
  it->index++;
  return str_from_cp(vm, cp);
}

Value iter_self(Vm&, Value self) { return self; }

void seq_iter_trace(Obj* self, Tracer& tracer) { tracer.visit(static_cast<SeqIter*>(self)->seq); }

Value str_slice(Vm& vm, Str* s, Slice* slice) {
  int64_t start, stop, step, n;
  if (!slice_indices(vm, slice, static_cast<int64_t>(s->cp_len), &start, &stop, &step, &n)) return Value::exception();
  if (n <= 0) return str_new(vm, "");
  if (step == 1) return str_substr(vm, s, static_cast<uint64_t>(start), static_cast<uint64_t>(start + n));
  if (s->is_ascii()) {
    Str* r = str_alloc(vm, static_cast<uint64_t>(n), static_cast<uint64_t>(n));
    if (r == nullptr) return Value::exception();
    for (int64_t i = 0, j = start; i < n; i++, j += step) r->data[i] = s->data[j];
    return Value::object(r);
  }
  std::string out;
  // Decode once into code points, then pick.
  std::u32string cps;
  cps.reserve(s->cp_len);
  for (size_t pos = 0; pos < s->byte_len;) cps += utf8_decode(s->view(), &pos);
  for (int64_t i = 0, j = start; i < n; i++, j += step) utf8_append(out, cps[j]);
  return str_new(vm, out);
}

// CPython's PyIndex_Check: 1 when [key] is an int, a bool or an instance of a
// class defining __index__; 0 otherwise; -1 on MemoryError.
int is_index_key(Vm& vm, Value key) {
  if (key.is_small_int() || key.is_bool() || (key.is_obj() && key.as_obj()->klass == vm.types.int_)) return 1;
  Klass* k = type_of(vm, key);
  if (!(k->flags & kKlassUser)) return 0;
  Str* name = str_intern(vm, "__index__");  // [key] is rooted by the caller
  if (name == nullptr) return -1;
  return mro_lookup(vm, k, name).is_null() ? 0 : 1;
}

Value str_getitem(Vm& vm, Value self, Value key) {
  Str* s = self.as<Str>();
  int index_key = is_index_key(vm, key);
  if (index_key < 0) return Value::exception();
  if (index_key) {
    int64_t i;  // index_value may call __index__; self stays rooted and never moves
    if (!index_value(vm, key, &i, "string")) return Value::exception();
    if (!normalize_index(vm, &i, static_cast<int64_t>(s->cp_len), "string")) return Value::exception();
    if (s->is_ascii()) return str_from_cp(vm, static_cast<unsigned char>(s->data[i]));
    size_t pos = str_byte_offset(s, static_cast<uint64_t>(i));
    return str_from_cp(vm, utf8_decode(s->view(), &pos));
  }
  if (key.is_obj() && key.as_obj()->klass == vm.types.slice) return str_slice(vm, s, key.as<Slice>());
  return raise(vm, vm.types.TypeError,
               "string indices must be integers, not '" + std::string(type_name(vm, key)) + "'");
}

int str_contains(Vm& vm, Value self, Value item) {
  if (!is_str(item)) {
    raise(vm, vm.types.TypeError,
          "'in <string>' requires string as left operand, not " + std::string(type_name(vm, item)));
    return -1;
  }
  return self.as<Str>()->view().find(item.as<Str>()->view()) != std::string_view::npos;
}

Value str_richcompare(Vm& vm, Value a, Value b, uint8_t op) {
  if (!is_str(a) || !is_str(b)) return vm.singleton_not_implemented;
  Str* x = a.as<Str>();
  Str* y = b.as<Str>();
  auto cmp_op = static_cast<CmpOp>(op);
  if (cmp_op == CmpOp::EQ) return Value::boolean(str_equal(x, y));
  if (cmp_op == CmpOp::NE) return Value::boolean(!str_equal(x, y));
  int c = x->view().compare(y->view());  // char_traits<char> compares as unsigned char
  switch (cmp_op) {
    case CmpOp::LT: return Value::boolean(c < 0);
    case CmpOp::LE: return Value::boolean(c <= 0);
    case CmpOp::GT: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

// User-class operands: runtime/ops.cpp has already offered them the
// operation (__radd__, ...) before the built-in slot runs, so str reports its
// own error as CPython does.
bool defer_to_other(Value) { return false; }

Value str_concat(Vm& vm, Value a, Value b) {
  if (!is_str(a)) return vm.singleton_not_implemented;
  if (!is_str(b)) {
    if (defer_to_other(b)) return vm.singleton_not_implemented;
    return raise(vm, vm.types.TypeError,
                 "can only concatenate str (not \"" + std::string(type_name(vm, b)) + "\") to str");
  }
  Str* x = a.as<Str>();
  Str* y = b.as<Str>();
  if (y->byte_len == 0) return a;
  if (x->byte_len == 0) return b;
  Str* s = str_alloc(vm, x->byte_len + y->byte_len, x->cp_len + y->cp_len);
  if (s == nullptr) return Value::exception();
  std::memcpy(s->data, x->data, x->byte_len);
  std::memcpy(s->data + x->byte_len, y->data, y->byte_len);
  return Value::object(s);
}

Value str_repeat(Vm& vm, Value a, Value b) {
  Value sv = is_str(a) ? a : b;
  Value nv = is_str(a) ? b : a;
  if (!is_int_like(vm, nv)) {
    if (defer_to_other(nv)) return vm.singleton_not_implemented;
    return raise(vm, vm.types.TypeError,
                 "can't multiply sequence by non-int of type '" + std::string(type_name(vm, nv)) + "'");
  }
  int64_t n;
  if (!int_to_int64(nv, &n))
    return raise(vm, vm.types.OverflowError, "cannot fit 'int' into an index-sized integer");
  Str* s = sv.as<Str>();
  if (n <= 0 || s->byte_len == 0) return str_new(vm, "");
  if (n == 1) return sv;
  if (s->byte_len > static_cast<uint64_t>(INT64_MAX) / static_cast<uint64_t>(n))
    return raise(vm, vm.types.OverflowError, "repeated string is too long");
  uint64_t total = s->byte_len * static_cast<uint64_t>(n);
  if (total > (uint64_t{1} << 40)) return raise_value(vm, vm.memory_error);
  Str* r = str_alloc(vm, total, s->cp_len * static_cast<uint64_t>(n));
  if (r == nullptr) return Value::exception();
  s = sv.as<Str>();  // operands are rooted by the caller; objects never move
  for (int64_t i = 0; i < n; i++) std::memcpy(r->data + i * s->byte_len, s->data, s->byte_len);
  return Value::object(r);
}

Value str_binary(Vm& vm, Value a, Value b, uint8_t op) {
  int plain = op >= kBinOpInplaceOffset ? op - kBinOpInplaceOffset : op;
  switch (static_cast<BinOp>(plain)) {
    case BinOp::ADD: return str_concat(vm, a, b);
    case BinOp::MUL: return str_repeat(vm, a, b);
    case BinOp::MOD:
      if (!is_str(a)) return vm.singleton_not_implemented;
      return str_percent(vm, a.as<Str>(), b);
    default: return vm.singleton_not_implemented;
  }
}

Value str_construct(Vm& vm, const CallArgs& args) {
  static const char* const kAllowed[] = {"object", "encoding", "errors", nullptr};
  if (!check_kwargs(vm, args, "str", kAllowed)) return Value::exception();
  size_t n = args.positional.size() + args.kwvalues.size();
  if (n > 3)
    return raise(vm, vm.types.TypeError, "str() takes at most 3 arguments (" + std::to_string(n) + " given)");
  Value obj = args.positional.empty() ? kwarg(args, "object") : args.positional[0];
  if (n >= 2) {
    if (is_str(obj)) return raise(vm, vm.types.TypeError, "decoding str is not supported");
    return raise(vm, vm.types.TypeError,
                 "decoding to str: need a bytes-like object, " + std::string(type_name(vm, obj)) + " found");
  }
  if (obj.is_null()) return str_new(vm, "");
  return to_str(vm, obj);
}

}  // namespace

void init_str_type(Vm& vm) {
  Klass* k = vm.types.str;
  k->repr = str_repr;
  k->str = str_str;
  k->hash = str_hash_slot;
  k->len = str_len;
  k->iter = str_iter;
  k->getitem = str_getitem;
  k->contains = str_contains;
  k->richcompare = str_richcompare;
  k->binary = str_binary;
  k->truth = str_truth;
  k->construct = str_construct;
  Klass* it = vm.types.str_iterator;
  it->iternext = str_iter_next;
  if (it->iter == nullptr) it->iter = iter_self;
  if (it->trace == nullptr) it->trace = seq_iter_trace;
  add_str_methods(vm, k);
}

}  // namespace contrail::runtime
