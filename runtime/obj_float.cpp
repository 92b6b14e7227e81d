// runtime/obj_float.cpp -- The float type: slots (repr via float_repr, hash,
// compare and arithmetic through runtime/arith.h), float() and the float
// methods is_integer and as_integer_ratio.
// Invariant: a float is always an unboxed double Value (NaN canonical); there
// is no heap float object.
// Depends on runtime/ only.
#include <cmath>
#include <new>
#include <string>

#include "runtime/arith.h"
#include "runtime/bigint_ops.h"
#include "runtime/float_format.h"
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

namespace {

Value type_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.TypeError, msg); }

Value float_repr_slot(Vm& vm, Value v) { return str_new(vm, float_repr(v.as_double())); }

// float(s) for a str.
Value float_from_str(Vm& vm, Str* s) {
  double d;
  if (parse_float(num_text_to_ascii(s->view()), &d)) return Value::from_double(d);
  std::string msg = "could not convert string to float: ";
  str_repr_append(msg, s->view());
  return raise(vm, vm.types.ValueError, msg);
}

Value float_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "float", 0, 1)) return Value::exception();
  if (args.positional.empty()) return Value::from_double(0.0);
  Value x = args.positional[0];
  if (x.is_double()) return x;
  if (is_int_like(vm, x)) {
    double d;
    if (!arith_to_double(vm, x, &d)) return Value::exception();
    return Value::from_double(d);
  }
  if (x.is_obj() && is_instance(vm, x, vm.types.str)) return float_from_str(vm, x.as<Str>());
  return type_error(vm, "float() argument must be a string or a real number, not '" +
                            std::string(type_name(vm, x)) + "'");
}

// Checks that a method got only self: "float.is_integer() takes no arguments (1 given)".
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

Value float_is_integer(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "float.is_integer")) return Value::exception();
  double d = args.positional[0].as_double();
  return Value::boolean(std::isfinite(d) && std::floor(d) == d);
}

// (numerator, denominator) in lowest terms, as CPython's float_as_integer_ratio.
Value float_as_integer_ratio(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "float.as_integer_ratio")) return Value::exception();
  double d = args.positional[0].as_double();
  if (std::isinf(d)) return raise(vm, vm.types.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(vm, vm.types.ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double part = std::frexp(d, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); ++i) {
    part *= 2.0;
    --exponent;
  }
  BigNum num = big_from_double(part), den = big_from_int64(1);
  if (exponent > 0) num = big_lshift(num.view(), static_cast<uint64_t>(exponent));
  else den = big_lshift(den.view(), static_cast<uint64_t>(-exponent));
  RootValue n(vm, int_from_big(vm, num));
  CT_TRY(n.get());
  RootValue q(vm, int_from_big(vm, den));
  CT_TRY(q.get());
  Value t = tuple_new(vm, 2);
  CT_TRY(t);
  t.as<Tuple>()->items[0] = n;
  t.as<Tuple>()->items[1] = q;
  return t;
}

Value float_conjugate(Vm& vm, const CallArgs& args) {
  if (!no_args(vm, args, "float.conjugate")) return Value::exception();
  return args.positional[0];
}

// The data descriptors real and imag; NULL otherwise.
Value float_getattr(Vm&, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "real") return self;
  if (n == "imag") return Value::from_double(0.0);
  return Value::null();
}

Value float_rich(Vm& vm, Value a, Value b, uint8_t op) { return arith_compare(vm, a, b, static_cast<CmpOp>(op)); }
Value float_binary(Vm& vm, Value a, Value b, uint8_t op) { return arith_binary(vm, a, b, static_cast<BinOp>(op)); }
int float_truth(Vm&, Value v) { return v.as_double() != 0.0; }

}  // namespace

void init_float_type(Vm& vm) {
  Klass* k = vm.types.float_;
  k->flags |= kKlassBaseType;
  k->repr = float_repr_slot;
  k->str = float_repr_slot;
  k->hash = arith_hash;
  k->richcompare = float_rich;
  k->binary = float_binary;
  k->neg = arith_neg;
  k->pos = arith_pos;
  k->invert = nullptr;  // ops raises "bad operand type for unary ~: 'float'"
  k->truth = float_truth;
  k->construct = float_construct;
  k->getattr = float_getattr;
  add_method(vm, k, "is_integer", float_is_integer);
  add_method(vm, k, "as_integer_ratio", float_as_integer_ratio);
  add_method(vm, k, "conjugate", float_conjugate);
}

}  // namespace contrail::runtime
