// jit/helpers.cpp -- Helpers called from compiled traces (jit/helpers.h).
#include "jit/helpers.h"

#include "runtime/arith.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::jit::helpers {

using runtime::Value;

int64_t int_floordiv(int64_t x, int64_t y) {
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}

int64_t int_mod(int64_t x, int64_t y) {
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}

double float_floordiv(double x, double y) {
  double q, m;
  runtime::float_divmod(x, y, &q, &m);
  return q;
}

double float_mod(double x, double y) { return runtime::float_mod(x, y); }

uint64_t list_append(runtime::Vm* vm, runtime::Obj* list, uint64_t value_bits) {
  runtime::List* l = static_cast<runtime::List*>(list);
  if (runtime::list_append(*vm, l, Value::from_bits(value_bits))) return 1;
  vm->pending = Value::null();  // the interpreter redoes the append and raises
  return 0;
}

uint64_t range_new(runtime::Vm* vm, int64_t start, int64_t stop, int64_t step) {
  Value r = runtime::range_new(*vm, start, stop, step);
  if (r.is_exception()) vm->pending = Value::null();
  return r.bits();
}

uint64_t get_iter(runtime::Vm* vm, uint64_t value_bits) {
  Value r = runtime::get_iter(*vm, Value::from_bits(value_bits));
  if (r.is_exception()) vm->pending = Value::null();
  return r.bits();
}

}  // namespace contrail::jit::helpers
