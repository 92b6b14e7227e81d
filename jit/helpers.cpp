// jit/helpers.cpp -- Helpers called from compiled traces (jit/helpers.h).
#include "jit/helpers.h"

#include "runtime/arith.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_list.h"
#include "runtime/obj_set.h"
#include "runtime/obj_str.h"
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
  runtime::RootValue arg(*vm, Value::from_bits(value_bits));  // only the trace's registers hold it
  Value r = runtime::get_iter(*vm, arg.get());
  if (r.is_exception()) vm->pending = Value::null();
  return r.bits();
}

uint64_t dict_get(runtime::Vm* vm, runtime::Obj* dict, uint64_t key_bits) {
  Value r = runtime::dict_get(*vm, static_cast<runtime::Dict*>(dict), Value::from_bits(key_bits));
  if (r.is_exception()) {
    vm->pending = Value::null();
    return Value::null().bits();
  }
  return r.bits();
}

uint64_t dict_set(runtime::Vm* vm, runtime::Obj* dict, uint64_t key_bits, uint64_t value_bits) {
  // The arguments may be held only in the trace's registers: root them.
  runtime::RootValue d(*vm, Value::object(dict)), key(*vm, Value::from_bits(key_bits)),
      value(*vm, Value::from_bits(value_bits));
  if (runtime::dict_set(*vm, d.get().as<runtime::Dict>(), key.get(), value.get())) return 1;
  vm->pending = Value::null();
  return 0;
}

uint64_t contains(runtime::Vm* vm, uint64_t container_bits, uint64_t key_bits) {
  Value c = Value::from_bits(container_bits), key = Value::from_bits(key_bits);
  if (c.as_obj()->klass == vm->types.dict) {
    Value r = runtime::dict_get(*vm, c.as<runtime::Dict>(), key);
    if (r.is_exception()) vm->pending = Value::null();
    return !r.is_null() && !r.is_exception();
  }
  int r = runtime::set_contains(*vm, c, key);
  if (r < 0) vm->pending = Value::null();
  return r > 0;
}

uint64_t instance_new(runtime::Vm* vm, runtime::Obj* cls) {
  Value r = runtime::plain_instance_new(*vm, static_cast<runtime::Klass*>(cls));
  if (r.is_exception()) vm->pending = Value::null();
  return r.bits();
}

uint64_t store_attr(runtime::Vm* vm, uint64_t obj_bits, runtime::Obj* name, uint64_t value_bits) {
  runtime::RootValue obj(*vm, Value::from_bits(obj_bits)), value(*vm, Value::from_bits(value_bits));
  if (runtime::set_attr(*vm, obj.get(), static_cast<runtime::Str*>(name), value.get())) return 1;
  vm->pending = Value::null();
  return 0;
}

}  // namespace contrail::jit::helpers
