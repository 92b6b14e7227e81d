// runtime/obj_tuple.cpp -- tuple: immutable fixed-size array of Values.
// Invariants: items are set once, right after allocation, before the tuple
// escapes; size never changes. The hash is CPython's (3.8+, xxHash-based), so
// hash((1, 2)) prints the same number as CPython.
#include "runtime/obj_tuple.h"

#include <cstring>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// Shared sequence helpers (runtime/obj_list.cpp).
Value seq_richcompare(Vm& vm, Value a, Value b, CmpOp op);
bool seq_repeat_count(Vm& vm, Value n, int64_t* out, bool* handled);

namespace {

bool is_tuple(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::TUPLE; }
bool is_list(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::LIST; }

// check_args for methods (counts exclude self, which must be a tuple).
bool method_args(Vm& vm, const CallArgs& args, const char* fname, int min, int max) {
  if (args.positional.empty() || !is_tuple(args.positional[0])) {
    raise(vm, vm.types.TypeError, std::string("descriptor '") + fname + "' requires a 'tuple' object");
    return false;
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  return check_args(vm, rest, fname, min, max);
}

void tuple_trace(Obj* self, Tracer& tracer) {
  auto* t = static_cast<Tuple*>(self);
  for (uint64_t i = 0; i < t->size; i++) tracer.visit(t->items[i]);
}

Value tuple_repr(Vm& vm, Value self) {
  Tuple* t = self.as<Tuple>();
  if (t->size == 0) return str_new(vm, "()");
  if (repr_enter(vm, t)) return str_new(vm, "(...)");
  std::string out = "(";
  for (uint64_t i = 0; i < t->size; i++) {
    if (i > 0) out += ", ";
    if (!repr_append(vm, out, t->items[i])) {
      repr_leave(vm);
      return Value::exception();
    }
  }
  repr_leave(vm);
  out += t->size == 1 ? ",)" : ")";
  return str_new(vm, out);
}

// CPython's tuplehash (xxHash lanes over the item hashes).
bool tuple_hash(Vm& vm, Value self, int64_t* out) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  Tuple* t = self.as<Tuple>();
  uint64_t acc = kPrime5;
  for (uint64_t i = 0; i < t->size; i++) {
    int64_t h;
    if (!hash_value(vm, t->items[i], &h)) return false;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += t->size ^ (kPrime5 ^ 3527539ull);
  if (acc == UINT64_MAX) acc = 1546275796;
  *out = static_cast<int64_t>(acc);
  return true;
}

bool tuple_len(Vm&, Value self, int64_t* out) {
  *out = static_cast<int64_t>(self.as<Tuple>()->size);
  return true;
}

Value tuple_get_slice(Vm& vm, Value self, Slice* s) {
  Tuple* t = self.as<Tuple>();
  int64_t start, stop, step, n;
  if (!slice_indices(vm, s, static_cast<int64_t>(t->size), &start, &stop, &step, &n)) return Value::exception();
  if (step == 1 && n == static_cast<int64_t>(t->size)) return self;
  RootValue src(vm, self);
  Value r = tuple_new(vm, static_cast<uint64_t>(n));
  CT_TRY(r);
  Tuple* from = src.get().as<Tuple>();
  for (int64_t i = 0, j = start; i < n; i++, j += step) r.as<Tuple>()->items[i] = from->items[j];
  return r;
}

Value tuple_getitem(Vm& vm, Value self, Value key) {
  Tuple* t = self.as<Tuple>();
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (key.is_obj() && key.as_obj()->klass->kind == TypeKind::SLICE) {
    return tuple_get_slice(vm, self, key.as<Slice>());
  } else if (!index_value(vm, key, &i, "tuple")) {
    return Value::exception();
  }
  if (i < 0) i += static_cast<int64_t>(t->size);
  if (static_cast<uint64_t>(i) >= t->size) return raise(vm, vm.types.IndexError, "tuple index out of range");
  return t->items[i];
}

int tuple_contains(Vm& vm, Value self, Value item) {
  Tuple* t = self.as<Tuple>();
  for (uint64_t i = 0; i < t->size; i++) {
    int r = equals(vm, t->items[i], item);
    if (r != 0) return r;
  }
  return 0;
}

Value tuple_iter(Vm& vm, Value self) { return seq_iter_new(vm, vm.types.tuple_iterator, self, 0, 1); }

Value tuple_richcompare(Vm& vm, Value a, Value b, uint8_t op) {
  if (!is_tuple(a) || !is_tuple(b)) return vm.singleton_not_implemented;
  return seq_richcompare(vm, a, b, static_cast<CmpOp>(op));
}

Value tuple_concat(Vm& vm, Value a, Value b) {
  RootValue ra(vm, a), rb(vm, b);
  uint64_t n = a.as<Tuple>()->size, m = b.as<Tuple>()->size;
  if (n == 0) return b;
  if (m == 0) return a;
  Value r = tuple_new(vm, n + m);
  CT_TRY(r);
  std::memcpy(r.as<Tuple>()->items, ra.get().as<Tuple>()->items, n * sizeof(Value));
  std::memcpy(r.as<Tuple>()->items + n, rb.get().as<Tuple>()->items, m * sizeof(Value));
  return r;
}

Value tuple_repeat(Vm& vm, Value self, int64_t n) {
  uint64_t size = self.as<Tuple>()->size;
  if (n == 1) return self;
  if (n == 0 || size == 0) return tuple_new(vm, 0);
  if (static_cast<uint64_t>(n) > (uint64_t{1} << 40) / size) return raise_value(vm, vm.memory_error);
  RootValue src(vm, self);
  Value r = tuple_new(vm, size * static_cast<uint64_t>(n));
  CT_TRY(r);
  Value* out = r.as<Tuple>()->items;
  for (int64_t k = 0; k < n; k++) std::memcpy(out + k * size, src.get().as<Tuple>()->items, size * sizeof(Value));
  return r;
}

Value tuple_binary(Vm& vm, Value a, Value b, uint8_t raw_op) {
  int op = raw_op;
  if (op >= kBinOpInplaceOffset) op -= kBinOpInplaceOffset;  // tuples are immutable
  bool a_tuple = is_tuple(a);
  if (op == static_cast<int>(BinOp::ADD)) {
    if (!a_tuple) return vm.singleton_not_implemented;
    if (is_tuple(b)) return tuple_concat(vm, a, b);
    if (type_of(vm, b)->kind == TypeKind::INSTANCE) return vm.singleton_not_implemented;
    return raise(vm, vm.types.TypeError,
                 std::string("can only concatenate tuple (not \"") + std::string(type_name(vm, b)) + "\") to tuple");
  }
  if (op == static_cast<int>(BinOp::MUL)) {
    int64_t n;
    bool handled;
    if (!seq_repeat_count(vm, a_tuple ? b : a, &n, &handled)) return Value::exception();
    if (!handled) return vm.singleton_not_implemented;
    return tuple_repeat(vm, a_tuple ? a : b, n);
  }
  return vm.singleton_not_implemented;
}

Value m_count(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "tuple.count", 1, 1)) return Value::exception();
  Tuple* t = args.positional[0].as<Tuple>();
  int64_t count = 0;
  for (uint64_t i = 0; i < t->size; i++) {
    int r = equals(vm, t->items[i], args.positional[1]);
    if (r < 0) return Value::exception();
    count += r;
  }
  return Value::small_int(count);
}

// Clamps an optional index argument of tuple.index like CPython's slice bounds.
bool bound_arg(Vm& vm, Value v, int64_t size, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
  } else if (is_int_like(vm, v)) {
    if (!int_to_int64(v, out)) *out = v.as<BigInt>()->neg ? INT64_MIN / 2 : INT64_MAX / 2;
  } else {
    raise(vm, vm.types.TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  if (*out < 0) *out = *out + size < 0 ? 0 : *out + size;
  if (*out > size) *out = size;
  return true;
}

Value m_index(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "index", 1, 3)) return Value::exception();
  Tuple* t = args.positional[0].as<Tuple>();
  int64_t size = static_cast<int64_t>(t->size), lo = 0, hi = size;
  if (args.positional.size() > 2 && !bound_arg(vm, args.positional[2], size, &lo)) return Value::exception();
  if (args.positional.size() > 3 && !bound_arg(vm, args.positional[3], size, &hi)) return Value::exception();
  for (int64_t i = lo; i < hi; i++) {
    int r = equals(vm, t->items[i], args.positional[1]);
    if (r < 0) return Value::exception();
    if (r > 0) return Value::small_int(i);
  }
  return raise(vm, vm.types.ValueError, "tuple.index(x): x not in tuple");
}

Value m_len(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "tuple.__len__", 0, 0)) return Value::exception();
  return Value::small_int(static_cast<int64_t>(args.positional[0].as<Tuple>()->size));
}

Value m_getitem(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "tuple.__getitem__", 1, 1)) return Value::exception();
  return tuple_getitem(vm, args.positional[0], args.positional[1]);
}

// tuple() / tuple(iterable).
Value tuple_construct(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "tuple")) return Value::exception();
  if (!check_args(vm, args, "tuple", 0, 1)) return Value::exception();
  if (args.positional.empty()) return tuple_new(vm, 0);
  Value src = args.positional[0];
  if (src.is_obj() && src.as_obj()->klass == vm.types.tuple) return src;
  if (is_list(src)) {
    if (!list_to_values(vm, src.as<List>())) return Value::exception();
    return tuple_from(vm, src.as<List>()->span());
  }
  Value l = list_new(vm);
  CT_TRY(l);
  RootValue list(vm, l);
  RootValue it(vm, get_iter(vm, src));
  CT_TRY(it.get());
  for (;;) {
    Value item = iter_next(vm, it);
    CT_TRY(item);
    if (item.is_null()) break;
    if (!list_append(vm, list.get().as<List>(), item)) return Value::exception();
  }
  return tuple_from(vm, list.get().as<List>()->span());
}

}  // namespace

Value tuple_new(Vm& vm, uint64_t n) {
  auto* t = vm.alloc<Tuple>(vm.types.tuple, sizeof(Tuple) + n * sizeof(Value));
  if (t == nullptr) return Value::exception();
  t->size = n;
  for (uint64_t i = 0; i < n; i++) t->items[i] = Value::none();
  return Value::object(t);
}

Value tuple_from(Vm& vm, std::span<const Value> items) {
  Value r = tuple_new(vm, items.size());
  CT_TRY(r);
  if (!items.empty()) std::memcpy(r.as<Tuple>()->items, items.data(), items.size() * sizeof(Value));
  return r;
}

void init_tuple_type(Vm& vm) {
  Klass* k = vm.types.tuple;
  k->flags |= kKlassBaseType;
  k->trace = tuple_trace;
  k->repr = tuple_repr;
  k->hash = tuple_hash;
  k->len = tuple_len;
  k->getitem = tuple_getitem;
  k->contains = tuple_contains;
  k->iter = tuple_iter;
  k->richcompare = tuple_richcompare;
  k->binary = tuple_binary;
  k->construct = tuple_construct;
  add_method(vm, k, "count", m_count);
  add_method(vm, k, "index", m_index);
  add_method(vm, k, "__len__", m_len);
  add_method(vm, k, "__getitem__", m_getitem);
}

}  // namespace contrail::runtime
