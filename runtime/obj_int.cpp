// runtime/obj_int.cpp -- The int and bool types: BigInt allocation and views,
// int/bool slots (repr with CPython 3.11's 4300-digit limit, hash, compare,
// arithmetic through runtime/arith.h), the int()/bool() constructors and the
// int methods.
// Invariants: one integer, one representation -- int_from_big returns a small
// int whenever the value fits 48 bits, so a BigInt is never small. bool is a
// subtype of int whose payload is 0/1; int() and arithmetic never return bools.
// Depends on runtime/ only.
#include <charconv>
#include <cmath>
#include <cstring>
#include <new>
#include <string>

#include "runtime/arith.h"
#include "runtime/bigint_ops.h"
#include "runtime/native_util.h"
#include "runtime/num_text.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// -- Integer helpers (obj_int.h) ------------------------------------------------

bool is_int(Vm& vm, Value v) {
  return v.is_small_int() || (v.is_obj() && v.as_obj()->klass == vm.types.int_);
}

bool is_int_like(Vm& vm, Value v) { return v.is_bool() || is_int(vm, v); }

Value int_from_int64(Vm& vm, int64_t i) {
  if (Value::fits_small_int(i)) return Value::small_int(i);
  return int_from_big(vm, big_from_int64(i));
}

Value int_from_big(Vm& vm, const BigNum& n) {
  int64_t i;
  if (n.limbs.size() <= 1 && big_to_int64(n.view(), &i) && Value::fits_small_int(i))
    return Value::small_int(i);
  size_t count = n.limbs.size();
  BigInt* b = vm.alloc<BigInt>(vm.types.int_, sizeof(BigInt) + count * sizeof(mp_limb_t));
  if (b == nullptr) return Value::exception();
  b->size = static_cast<uint32_t>(count);
  b->neg = n.neg ? 1 : 0;
  std::memcpy(b->limbs, n.limbs.data(), count * sizeof(mp_limb_t));
  return Value::object(b);
}

BigView int_view(Value v, BigNum& tmp) {
  if (v.is_obj()) return v.as<BigInt>()->view();
  tmp = big_from_int64(v.as_small_int());  // small ints and bools (payload 0/1)
  return tmp.view();
}

bool int_to_int64(Value v, int64_t* out) {
  if (!v.is_obj()) {
    *out = v.as_small_int();
    return true;
  }
  return big_to_int64(v.as<BigInt>()->view(), out);
}

std::string int_to_string(Value v, int base) {
  if (!v.is_obj()) {
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, v.as_small_int(), base);
    return std::string(buf, res.ptr);
  }
  return big_to_string(v.as<BigInt>()->view(), base);
}

namespace {

Value type_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.TypeError, msg); }
Value value_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.ValueError, msg); }

// -- Slots ----------------------------------------------------------------------

Value int_repr(Vm& vm, Value v) {
  if (!v.is_obj()) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v.as_small_int());
    return str_new(vm, std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
  }
  BigView view = v.as<BigInt>()->view();
  if (big_decimal_digits_exceed(view, kMaxStrDigits))
    return value_error(vm, "Exceeds the limit (4300 digits) for integer string conversion; "
                           "use sys.set_int_max_str_digits() to increase the limit");
  try {
    return str_new(vm, big_to_string(view, 10));
  } catch (const std::bad_alloc&) {
    return raise_value(vm, vm.memory_error);
  }
}

Value bool_repr(Vm& vm, Value v) {
  return Value::object(str_intern(vm, v.as_bool() ? "True" : "False"));
}

// -- Constructors ---------------------------------------------------------------

// int(x) for a str [s] in [base] (0 or 2..36); ValueErrors as CPython's.
Value int_from_str(Vm& vm, Str* s, int base) {
  std::string ascii = num_text_to_ascii(s->view());
  BigNum out;
  BigParse r;
  try {
    r = big_parse(ascii, base, &out);
  } catch (const std::bad_alloc&) {
    return raise_value(vm, vm.memory_error);
  }
  if (r == BigParse::OK) return int_from_big(vm, out);
  if (r == BigParse::TOO_MANY_DIGITS)
    return value_error(vm, "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                               std::to_string(big_parse_digit_count(ascii, base)) +
                               " digits; use sys.set_int_max_str_digits() to increase the limit");
  return value_error(vm, "invalid literal for int() with base " + std::to_string(base) + ": " +
                             num_text_repr(s->view(), 200));
}

bool is_str(Vm& vm, Value v) { return v.is_obj() && is_instance(vm, v, vm.types.str); }

// int(x) with no base.
Value int_from_value(Vm& vm, Value x) {
  if (x.is_small_int() || x.is_bool()) return Value::small_int(x.as_small_int());
  if (x.is_double()) return arith_float_to_int(vm, x.as_double());
  if (is_int(vm, x)) return x;
  if (is_str(vm, x)) return int_from_str(vm, x.as<Str>(), 10);
  return type_error(vm, "int() argument must be a string, a bytes-like object or a real number, not '" +
                            std::string(type_name(vm, x)) + "'");
}

// int(x, base).
Value int_from_value_base(Vm& vm, Value x, Value base) {
  if (!is_int_like(vm, base))
    return type_error(vm, "'" + std::string(type_name(vm, base)) + "' object cannot be interpreted as an integer");
  int64_t b;
  if (!int_to_int64(base, &b) || (b != 0 && b < 2) || b > 36)
    return value_error(vm, "int() base must be >= 2 and <= 36, or 0");
  if (!is_str(vm, x)) return type_error(vm, "int() can't convert non-string with explicit base");
  return int_from_str(vm, x.as<Str>(), static_cast<int>(b));
}

// Binds int()'s (x, base) from positionals and the `base` keyword.
bool int_bind_args(Vm& vm, const CallArgs& args, Value* x, Value* base) {
  size_t npos = args.positional.size();
  size_t total = npos + args.kwvalues.size();
  if (total > 2) {
    type_error(vm, "int() takes at most 2 arguments (" + std::to_string(total) + " given)");
    return false;
  }
  *x = npos >= 1 ? args.positional[0] : Value::null();
  *base = npos >= 2 ? args.positional[1] : Value::null();
  for (size_t i = 0; i < args.kwvalues.size(); ++i) {
    std::string_view name = args.kwnames->items[i].as<Str>()->view();
    if (name != "base") {
      type_error(vm, "'" + std::string(name) + "' is an invalid keyword argument for int()");
      return false;
    }
    if (!base->is_null()) {
      type_error(vm, "argument for int() given by name ('base') and position (2)");
      return false;
    }
    *base = args.kwvalues[i];
  }
  return true;
}

Value int_construct(Vm& vm, const CallArgs& args) {
  Value x, base;
  if (!int_bind_args(vm, args, &x, &base)) return Value::exception();
  if (x.is_null()) {
    if (!base.is_null()) return type_error(vm, "int() missing string argument");
    return Value::small_int(0);
  }
  if (base.is_null()) return int_from_value(vm, x);
  return int_from_value_base(vm, x, base);
}

Value bool_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "bool", 0, 1)) return Value::exception();
  if (args.positional.empty()) return Value::boolean(false);
  int t = truthy(vm, args.positional[0]);
  if (t < 0) return Value::exception();
  return Value::boolean(t != 0);
}

// -- Methods --------------------------------------------------------------------

// Checks that a method got only self: "int.bit_length() takes no arguments (1 given)".
bool no_args(Vm& vm, const CallArgs& args, const char* qualname) {
  if (!args.kwvalues.empty()) {
    type_error(vm, std::string(qualname) + "() takes no keyword arguments");
    return false;
  }
  if (args.positional.size() == 1) return true;
  type_error(vm, std::string(qualname) + "() takes no arguments (" +
                     std::to_string(args.positional.size() - 1) + " given)");
  return false;
}

Value int_bit_length(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "int.bit_length")) return Value::exception();
  Value self = args.positional[0];
  if (!self.is_obj()) {
    int64_t x = self.as_small_int();
    uint64_t m = x < 0 ? static_cast<uint64_t>(-x) : static_cast<uint64_t>(x);
    return Value::small_int(64 - (m == 0 ? 64 : __builtin_clzll(m)));
  }
  return int_from_int64(vm, big_bit_length(self.as<BigInt>()->view()));
}

Value int_bit_count(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "int.bit_count")) return Value::exception();
  BigNum tmp;
  BigView v = int_view(args.positional[0], tmp);
  int64_t n = 0;
  for (mp_limb_t limb : v.limbs) n += __builtin_popcountll(limb);
  return int_from_int64(vm, n);
}

// int.conjugate(): the int itself (a bool becomes a plain int).
Value int_conjugate(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "int.conjugate")) return Value::exception();
  Value self = args.positional[0];
  return self.is_bool() ? Value::small_int(self.as_small_int()) : self;
}

// The data descriptors real, imag, numerator and denominator; NULL otherwise.
Value int_getattr(Vm&, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real" || n == "numerator") return self.is_bool() ? Value::small_int(self.as_small_int()) : self;
  if (n == "imag") return Value::small_int(0);
  if (n == "denominator") return Value::small_int(1);
  return Value::null();
}

Value int_rich(Vm& vm, Value a, Value b, uint8_t op) { return arith_compare(vm, a, b, static_cast<CmpOp>(op)); }
Value int_binary(Vm& vm, Value a, Value b, uint8_t op) { return arith_binary(vm, a, b, static_cast<BinOp>(op)); }
int int_truth(Vm&, Value v) { return arith_truth(v); }

void set_number_slots(Klass* k) {
  k->hash = arith_hash;
  k->richcompare = int_rich;
  k->binary = int_binary;
  k->neg = arith_neg;
  k->pos = arith_pos;
  k->invert = arith_invert;
  k->truth = int_truth;
  k->getattr = int_getattr;
}

}  // namespace

void init_int_type(Vm& vm) {
  Klass* k = vm.types.int_;
  k->flags |= kKlassBaseType;
  set_number_slots(k);
  k->repr = int_repr;
  k->str = int_repr;
  k->construct = int_construct;
  add_method(vm, k, "bit_length", int_bit_length);
  add_method(vm, k, "bit_count", int_bit_count);
  add_method(vm, k, "conjugate", int_conjugate);

  Klass* b = vm.types.bool_;
  set_number_slots(b);
  b->repr = bool_repr;
  b->str = bool_repr;
  b->construct = bool_construct;
}

}  // namespace contrail::runtime
