// runtime/obj_list.cpp -- list: growable array of Values (slots, methods, constructor).
// Invariants:
//  - items()[0..size) are Python values; items()[size..capacity) are NULL, so
//    the ValueArray trace never keeps dropped items alive.
//  - Byte storage (obj_list.h): bytes()->data[0..size) are the items; array
//    is null and size is not 0. Indexing, index stores, iteration, repr, search, copies and len
//    read either storage (list_item); every method call (method_args), sort,
//    slice store, del, append, insert, extend of the list itself and
//    comparison first switch to Value storage (list_to_values).
//  - Indexing and iteration never allocate; append is amortised O(1)
//    (CPython's over-allocation rule).
//  - Any call that may run Python code (repr, equals, compare, iteration) can
//    mutate the list: loops re-read size and items() after each such call.
// Sorting lives in runtime/list_sort.cpp.
#include "runtime/obj_list.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_func.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// list.sort (runtime/list_sort.cpp).
Value list_sort_method(Vm& vm, const CallArgs& args);

namespace {

constexpr uint64_t kMaxItems = uint64_t{1} << 40;  // beyond this: MemoryError

bool is_list(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::LIST; }
bool is_tuple(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::TUPLE; }
bool is_instance_kind(Vm& vm, Value v) { return type_of(vm, v)->kind == TypeKind::INSTANCE; }

// check_args for methods: counts exclude self. CPython's wording for a fixed
// count above one ("insert expected 2 arguments, got 1") is produced here.
bool method_args(Vm& vm, const CallArgs& args, const char* fname, int min, int max) {
  if (args.positional.empty() || !is_list(args.positional[0])) {
    std::string_view name = fname;
    if (name.starts_with("list.")) name.remove_prefix(5);
    std::string msg = "descriptor '" + std::string(name) + "' for 'list' objects doesn't apply to a '";
    if (args.positional.empty()) {
      msg = "unbound method list." + std::string(name) + "() needs an argument";
    } else {
      msg += std::string(type_name(vm, args.positional[0])) + "' object";
    }
    raise(vm, vm.types.TypeError, msg);
    return false;
  }
  if (!list_to_values(vm, args.positional[0].as<List>())) return false;
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  int n = static_cast<int>(rest.positional.size());
  if (min == max && min > 1 && n != min && rest.kwvalues.empty()) {
    raise(vm, vm.types.TypeError,
          std::string(fname) + " expected " + std::to_string(min) + " arguments, got " + std::to_string(n));
    return false;
  }
  return check_args(vm, rest, fname, min, max);
}

Value not_implemented(Vm& vm) { return vm.singleton_not_implemented; }

// The items of a list or tuple [v] (caller checked the kind).
std::span<Value> seq_span(Value v) {
  if (is_list(v)) return v.as<List>()->span();
  return v.as<Tuple>()->span();
}

// -- Storage ---------------------------------------------------------------

void value_array_trace(Obj* self, Tracer& tracer) {
  auto* a = static_cast<ValueArray*>(self);
  for (uint64_t i = 0; i < a->capacity; i++) tracer.visit(a->items[i]);
}

void list_trace(Obj* self, Tracer& tracer) {
  tracer.visit(static_cast<List*>(self)->array);
  tracer.visit(static_cast<List*>(self)->aux);
}

// Copies [src]'s items, whatever its storage, to [out] (room for src->size).
void copy_items(Value* out, const List* src) {
  if (src->bytes() == nullptr) {
    if (src->size) std::memcpy(out, src->items(), src->size * sizeof(Value));
    return;
  }
  const unsigned char* b = src->bytes()->data;
  for (uint64_t i = 0; i < src->size; i++) out[i] = Value::small_int(b[i]);
}

// A list of [n] items [fill] in byte storage.
Value list_new_bytes(Vm& vm, uint64_t n, uint8_t fill) {
  auto* l = vm.alloc<List>(vm.types.list);
  if (l == nullptr) return Value::exception();
  l->size = 0;
  l->array = nullptr;
  l->aux = nullptr;
  Root<List> root(vm, l);
  RawArray* b = raw_array_new(vm, n);
  if (b == nullptr) return Value::exception();
  std::memset(b->data, fill, n);
  root->aux = b;
  root->size = n;
  return Value::object(root.get());
}

// Grows [list] to hold at least [n] items with over-allocation; [list] rooted by caller.
bool list_grow(Vm& vm, List* list, uint64_t n) {
  uint64_t cap = n + (n >> 3) + (n < 9 ? 3 : 6);
  if (n > kMaxItems) {
    raise_value(vm, vm.memory_error);
    return false;
  }
  ValueArray* a = value_array_new(vm, cap);
  if (a == nullptr) return false;
  if (list->size > 0) std::memcpy(a->items, list->items(), list->size * sizeof(Value));
  list->array = a;
  return true;
}

// Clears items [from, to) to NULL (dropped references).
void clear_range(List* list, uint64_t from, uint64_t to) {
  Value* items = list->items();
  for (uint64_t i = from; i < to; i++) items[i] = Value::null();
}

// Converts an index-like argument of a method; TypeError/OverflowError as CPython.
bool arg_index(Vm& vm, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (is_int_like(vm, v)) {
    if (int_to_int64(v, out)) return true;
    raise(vm, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  if (is_instance_kind(vm, v)) return index_value(vm, v, out, "list");
  raise(vm, vm.types.TypeError,
        std::string("'") + std::string(type_name(vm, v)) + "' object cannot be interpreted as an integer");
  return false;
}

// Converts a list subscript that is not a slice (IndexError for huge ints).
bool key_index(Vm& vm, Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return true;
  }
  if (is_int_like(vm, key)) {
    if (int_to_int64(key, out)) return true;
    raise(vm, vm.types.IndexError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (is_instance_kind(vm, key)) return index_value(vm, key, out, "list");
  raise(vm, vm.types.TypeError,
        std::string("list indices must be integers or slices, not ") + std::string(type_name(vm, key)));
  return false;
}

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::SLICE; }

// -- Slices ----------------------------------------------------------------

Value list_get_slice(Vm& vm, List* list, Slice* s) {
  int64_t start, stop, step, n;
  if (!slice_indices(vm, s, static_cast<int64_t>(list->size), &start, &stop, &step, &n)) {
    return Value::exception();
  }
  Root<List> src(vm, list);
  Value r = list_new(vm, static_cast<uint64_t>(n));
  CT_TRY(r);
  List* out = r.as<List>();
  for (int64_t i = 0, j = start; i < n; i++, j += step) out->items()[i] = list_item(src, static_cast<uint64_t>(j));
  out->size = static_cast<uint64_t>(n);
  return r;
}

// Deletes list[start:stop:step] (already resolved, [n] items).
void list_del_slice(List* list, int64_t start, int64_t step, int64_t n) {
  if (n <= 0) return;
  if (step < 0) {  // delete the same items walking forwards
    start = start + (n - 1) * step;
    step = -step;
  }
  Value* items = list->items();
  uint64_t w = static_cast<uint64_t>(start);
  int64_t next_del = start;
  int64_t deleted = 0;
  for (uint64_t r = static_cast<uint64_t>(start); r < list->size; r++) {
    if (deleted < n && static_cast<int64_t>(r) == next_del) {
      deleted++;
      next_del += step;
      continue;
    }
    items[w++] = items[r];
  }
  clear_range(list, w, list->size);
  list->size = w;
}

// Materialises [v] as a list or tuple Value (returned as is when it already is one).
Value as_sequence(Vm& vm, Value v, const char* not_iterable) {
  if (is_list(v) || is_tuple(v)) return v;
  Value it = get_iter(vm, v);
  if (it.is_exception()) {
    Value exc = vm.pending;
    if (is_instance(vm, exc, vm.types.TypeError)) {
      vm.pending = Value::null();
      return raise(vm, vm.types.TypeError, not_iterable);
    }
    return it;
  }
  RootValue iter(vm, it);
  Value r = list_new(vm);
  CT_TRY(r);
  Root<List> out(vm, r.as<List>());
  for (;;) {
    Value item = iter_next(vm, iter);
    CT_TRY(item);
    if (item.is_null()) break;
    if (!list_append(vm, out, item)) return Value::exception();
  }
  return Value::object(out.get());
}

// list[start:stop] = items (step 1): replaces the range with [m] new items.
bool list_replace_range(Vm& vm, List* list, int64_t start, int64_t stop, std::span<const Value> items) {
  if (!list_to_values(vm, list)) return false;
  if (stop < start) stop = start;
  uint64_t old_n = static_cast<uint64_t>(stop - start), m = items.size();
  uint64_t new_size = list->size - old_n + m;
  if (new_size > list->size && (list->array == nullptr || new_size > list->array->capacity)) {
    if (!list_grow(vm, list, new_size)) return false;
  }
  Value* a = list->items();
  uint64_t tail = list->size - static_cast<uint64_t>(stop);
  if (tail > 0) std::memmove(a + start + m, a + stop, tail * sizeof(Value));
  if (m > 0) std::memcpy(a + start, items.data(), m * sizeof(Value));
  if (new_size < list->size) clear_range(list, new_size, list->size);
  list->size = new_size;
  return true;
}

bool list_set_slice(Vm& vm, List* list, Slice* s, Value value) {
  Root<List> root(vm, list);
  RootValue rs(vm, Value::object(s));
  int64_t start, stop, step, n;
  if (!slice_indices(vm, s, static_cast<int64_t>(list->size), &start, &stop, &step, &n)) return false;
  if (!list_to_values(vm, root)) return false;
  if (value.is_null()) {
    list_del_slice(list, start, step, n);
    return true;
  }
  // Materialise the new items first (this may run code that resizes the list),
  // copying the list when it is assigned to itself.
  const char* msg = step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice";
  Value seq = value == Value::object(list) ? tuple_from(vm, root->span()) : as_sequence(vm, value, msg);
  if (seq.is_exception()) return false;
  RootValue keep(vm, seq);
  if (is_list(seq) && !list_to_values(vm, seq.as<List>())) return false;
  if (!slice_indices(vm, rs.get().as<Slice>(), static_cast<int64_t>(root->size), &start, &stop, &step, &n)) {
    return false;
  }
  if (step == 1) return list_replace_range(vm, root, start, stop, seq_span(seq));
  std::span<Value> items = seq_span(seq);
  if (static_cast<int64_t>(items.size()) != n) {
    raise(vm, vm.types.ValueError,
          "attempt to assign sequence of size " + std::to_string(items.size()) + " to extended slice of size " +
              std::to_string(n));
    return false;
  }
  Value* a = root->items();
  for (int64_t i = 0, j = start; i < n; i++, j += step) a[j] = items[i];
  return true;
}

// -- Slots -----------------------------------------------------------------



Value list_repr(Vm& vm, Value self) {
  Root<List> list(vm, self.as<List>());
  if (list->size == 0) return str_new(vm, "[]");
  if (repr_enter(vm, list)) return str_new(vm, "[...]");
  std::string out = "[";
  for (uint64_t i = 0; i < list->size; i++) {
    if (i > 0) out += ", ";
    RootValue item(vm, list_item(list, i));
    if (!repr_append(vm, out, item)) {
      repr_leave(vm);
      return Value::exception();
    }
  }
  repr_leave(vm);
  out += ']';
  return str_new(vm, out);
}

bool list_len(Vm&, Value self, int64_t* out) {
  *out = static_cast<int64_t>(self.as<List>()->size);
  return true;
}

Value list_getitem(Vm& vm, Value self, Value key) {
  List* list = self.as<List>();
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (is_slice(key)) {
    return list_get_slice(vm, list, key.as<Slice>());
  } else if (!key_index(vm, key, &i)) {
    return Value::exception();
  }
  if (i < 0) i += static_cast<int64_t>(list->size);
  if (static_cast<uint64_t>(i) >= list->size) return raise(vm, vm.types.IndexError, "list index out of range");
  return list_item(list, static_cast<uint64_t>(i));
}

bool list_setitem(Vm& vm, Value self, Value key, Value value) {
  List* list = self.as<List>();
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (is_slice(key)) {
    return list_set_slice(vm, list, key.as<Slice>(), value);
  } else if (!key_index(vm, key, &i)) {
    return false;
  }
  if (i < 0) i += static_cast<int64_t>(list->size);
  if (static_cast<uint64_t>(i) >= list->size) {
    raise(vm, vm.types.IndexError, "list assignment index out of range");
    return false;
  }
  if (value.is_null()) {
    if (!list_to_values(vm, list)) return false;
    list_del_slice(list, i, 1, 1);
    return true;
  }
  return list_store(vm, list, static_cast<uint64_t>(i), value);
}

// Index of the first item equal to [x] in [lo, hi); -1 when absent, -2 on exception.
int64_t list_find(Vm& vm, List* list, Value x, uint64_t lo, uint64_t hi) {
  Root<List> root(vm, list);
  for (uint64_t i = lo; i < hi && i < root->size; i++) {
    Value item = list_item(root, i);
    if (item == x) return static_cast<int64_t>(i);
    RootValue keep(vm, item);
    int r = equals(vm, item, x);
    if (r < 0) return -2;
    if (r > 0) return static_cast<int64_t>(i);
  }
  return -1;
}

int list_contains(Vm& vm, Value self, Value item) {
  int64_t r = list_find(vm, self.as<List>(), item, 0, UINT64_MAX);
  return r == -2 ? -1 : (r >= 0 ? 1 : 0);
}

Value list_iter(Vm& vm, Value self) { return seq_iter_new(vm, vm.types.list_iterator, self, 0, 1); }

int list_truth(Vm&, Value self) { return self.as<List>()->size != 0 ? 1 : 0; }

}  // namespace

// Lexicographic comparison of two lists or two tuples [a], [b] (same kind).
// Items may run Python code that mutates a list, so spans are re-read each step.
Value seq_richcompare(Vm& vm, Value a, Value b, CmpOp op) {
  RootValue ra(vm, a), rb(vm, b);
  for (Value s : {a, b})
    if (is_list(s) && !list_to_values(vm, s.as<List>())) return Value::exception();
  if ((op == CmpOp::EQ || op == CmpOp::NE) && seq_span(a).size() != seq_span(b).size()) {
    return Value::boolean(op == CmpOp::NE);
  }
  uint64_t i = 0;
  for (;; i++) {
    std::span<Value> x = seq_span(ra), y = seq_span(rb);
    if (i >= x.size() || i >= y.size()) break;
    Value xi = x[i], yi = y[i];
    if (xi == yi) continue;
    RootValue kx(vm, xi), ky(vm, yi);
    int r = equals(vm, xi, yi);
    if (r < 0) return Value::exception();
    if (r == 0) break;
  }
  std::span<Value> x = seq_span(ra), y = seq_span(rb);
  if (i >= x.size() || i >= y.size()) {
    uint64_t n = x.size(), m = y.size();
    bool r = false;
    switch (op) {
      case CmpOp::LT: r = n < m; break;
      case CmpOp::LE: r = n <= m; break;
      case CmpOp::EQ: r = n == m; break;
      case CmpOp::NE: r = n != m; break;
      case CmpOp::GT: r = n > m; break;
      case CmpOp::GE: r = n >= m; break;
    }
    return Value::boolean(r);
  }
  if (op == CmpOp::EQ) return Value::boolean(false);
  if (op == CmpOp::NE) return Value::boolean(true);
  RootValue kx(vm, x[i]), ky(vm, y[i]);
  return compare(vm, kx, ky, op);
}

// Repeat count for `seq * n`: false with an exception pending, or *handled
// false when the other operand may still implement the operator.
bool seq_repeat_count(Vm& vm, Value n, int64_t* out, bool* handled) {
  *handled = true;
  if (n.is_small_int()) {
    *out = n.as_small_int();
  } else if (is_int_like(vm, n)) {
    if (!int_to_int64(n, out)) {
      BigInt* big = n.as<BigInt>();
      if (big->neg) {
        *out = 0;
        return true;
      }
      raise(vm, vm.types.OverflowError, "cannot fit 'int' into an index-sized integer");
      return false;
    }
  } else if (is_instance_kind(vm, n)) {
    *handled = false;
    return true;
  } else {
    raise(vm, vm.types.TypeError,
          std::string("can't multiply sequence by non-int of type '") + std::string(type_name(vm, n)) + "'");
    return false;
  }
  if (*out < 0) *out = 0;
  return true;
}

namespace {

Value list_concat(Vm& vm, List* a, List* b) {
  Root<List> ra(vm, a), rb(vm, b);
  Value r = list_new(vm, a->size + b->size);
  CT_TRY(r);
  List* out = r.as<List>();
  copy_items(out->items(), ra);
  copy_items(out->items() + ra->size, rb);
  out->size = ra->size + rb->size;
  return r;
}

// Fills [out] (capacity >= size * n) with [n] copies of [src]'s first [size] items.
void repeat_fill(Value* out, const Value* src, uint64_t size, uint64_t n) {
  if (size == 1) {
    for (uint64_t i = 0; i < n; i++) out[i] = src[0];
    return;
  }
  for (uint64_t k = 0; k < n; k++) std::memmove(out + k * size, src, size * sizeof(Value));
}

Value list_repeat(Vm& vm, List* list, int64_t n, bool inplace) {
  Root<List> src(vm, list);
  uint64_t size = list->size;
  if (n == 0 || size == 0) {
    if (!inplace) return list_new(vm);
    if (!list_to_values(vm, src)) return Value::exception();
    clear_range(list, 0, list->size);
    list->size = 0;
    return Value::object(list);
  }
  if (static_cast<uint64_t>(n) > kMaxItems / size) return raise_value(vm, vm.memory_error);
  uint64_t total = size * static_cast<uint64_t>(n);
  if (size == 1 && !inplace) {  // [x] * n: one pass; bytes for a long run of a small int
    Value item = list_item(src, 0);
    const uint64_t min = vm.options.list_bytes_min;
    if (min != 0 && total >= min && fits_byte(item))
      return list_new_bytes(vm, total, static_cast<uint8_t>(item.as_small_int()));
    return list_new_filled(vm, total, item);
  }
  if (!list_to_values(vm, src)) return Value::exception();
  if (inplace) {
    if (!list_reserve(vm, src, total)) return Value::exception();
    repeat_fill(src->items(), src->items(), size, static_cast<uint64_t>(n));
    src->size = total;
    return Value::object(src.get());
  }
  Value r = list_new(vm, total);
  CT_TRY(r);
  repeat_fill(r.as<List>()->items(), src->items(), size, static_cast<uint64_t>(n));
  r.as<List>()->size = total;
  return r;
}

// Appends every item of [iterable] to [list].
bool list_extend(Vm& vm, List* list, Value iterable) {
  Root<List> root(vm, list);
  if (!list_to_values(vm, root)) return false;
  if (iterable.is_obj() && iterable.as_obj()->klass->kind == TypeKind::RANGE) {
    // Like CPython's length hint: a range too long for memory fails up front
    // (OverflowError for lengths past sys.maxsize) instead of growing forever.
    int64_t n;
    if (!length(vm, iterable, &n)) return false;
    if (!list_reserve(vm, root, root->size + static_cast<uint64_t>(n))) return false;
  }
  if (is_list(iterable) || is_tuple(iterable)) {
    RootValue src(vm, iterable);
    const bool list_src = is_list(iterable);
    uint64_t n = list_src ? iterable.as<List>()->size : seq_span(iterable).size();  // l.extend(l) doubles once
    if (!list_reserve(vm, root, root->size + n)) return false;
    if (list_src) {
      copy_items(root->items() + root->size, src.get().as<List>());
    } else if (n > 0) {
      std::memcpy(root->items() + root->size, seq_span(src).data(), n * sizeof(Value));
    }
    root->size += n;
    return true;
  }
  Value it = get_iter(vm, iterable);
  if (it.is_exception()) return false;
  RootValue iter(vm, it);
  for (;;) {
    Value item = iter_next(vm, iter);
    if (item.is_exception()) return false;
    if (item.is_null()) return true;
    if (!list_append(vm, root, item)) return false;
  }
}

Value list_binary(Vm& vm, Value a, Value b, uint8_t raw_op) {
  BinOp op = static_cast<BinOp>(raw_op);
  bool a_list = is_list(a);
  switch (op) {
    case BinOp::ADD:
      if (!a_list) return not_implemented(vm);
      if (is_list(b)) return list_concat(vm, a.as<List>(), b.as<List>());
      if (is_instance_kind(vm, b)) return not_implemented(vm);
      return raise(vm, vm.types.TypeError,
                   std::string("can only concatenate list (not \"") + std::string(type_name(vm, b)) + "\") to list");
    case BinOp::IADD:
      if (!a_list) return not_implemented(vm);
      if (!list_extend(vm, a.as<List>(), b)) return Value::exception();
      return a;
    case BinOp::MUL:
    case BinOp::IMUL: {
      int64_t n;
      bool handled;
      if (!seq_repeat_count(vm, a_list ? b : a, &n, &handled)) return Value::exception();
      if (!handled) return not_implemented(vm);
      return list_repeat(vm, (a_list ? a : b).as<List>(), n, op == BinOp::IMUL && a_list);
    }
    default:
      return not_implemented(vm);
  }
}

Value list_richcompare(Vm& vm, Value a, Value b, uint8_t op) {
  if (!is_list(a) || !is_list(b)) return not_implemented(vm);
  return seq_richcompare(vm, a, b, static_cast<CmpOp>(op));
}

// -- Methods ---------------------------------------------------------------

Value m_append(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.append", 1, 1)) return Value::exception();
  if (!list_append(vm, args.positional[0].as<List>(), args.positional[1])) return Value::exception();
  return Value::none();
}

Value m_extend(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.extend", 1, 1)) return Value::exception();
  if (!list_extend(vm, args.positional[0].as<List>(), args.positional[1])) return Value::exception();
  return Value::none();
}

Value m_insert(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "insert", 2, 2)) return Value::exception();
  int64_t i;
  if (!arg_index(vm, args.positional[1], &i)) return Value::exception();
  if (!list_insert(vm, args.positional[0].as<List>(), i, args.positional[2])) return Value::exception();
  return Value::none();
}

Value m_pop(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "pop", 0, 1)) return Value::exception();
  List* list = args.positional[0].as<List>();
  int64_t i = -1;
  if (args.positional.size() > 1 && !arg_index(vm, args.positional[1], &i)) return Value::exception();
  if (list->size == 0) return raise(vm, vm.types.IndexError, "pop from empty list");
  if (i < 0) i += static_cast<int64_t>(list->size);
  if (i < 0 || static_cast<uint64_t>(i) >= list->size) return raise(vm, vm.types.IndexError, "pop index out of range");
  Value item = list->items()[i];
  list_del_slice(list, i, 1, 1);
  return item;
}

Value m_remove(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.remove", 1, 1)) return Value::exception();
  List* list = args.positional[0].as<List>();
  int64_t i = list_find(vm, list, args.positional[1], 0, UINT64_MAX);
  if (i == -2) return Value::exception();
  if (i == -1) return raise(vm, vm.types.ValueError, "list.remove(x): x not in list");
  list_del_slice(list, i, 1, 1);
  return Value::none();
}

// Resolves optional start/stop arguments like list.index (slice-style clamping).
bool clamp_bounds(Vm& vm, const CallArgs& args, size_t first, uint64_t size, uint64_t* lo, uint64_t* hi) {
  int64_t bounds[2] = {0, static_cast<int64_t>(size)};
  for (size_t k = 0; k < 2 && first + k < args.positional.size(); k++) {
    Value v = args.positional[first + k];
    if (v.is_small_int()) {
      bounds[k] = v.as_small_int();
    } else if (is_int_like(vm, v)) {
      if (!int_to_int64(v, &bounds[k])) bounds[k] = v.as<BigInt>()->neg ? INT64_MIN / 2 : INT64_MAX / 2;
    } else {
      raise(vm, vm.types.TypeError, "slice indices must be integers or have an __index__ method");
      return false;
    }
    int64_t n = static_cast<int64_t>(size);
    if (bounds[k] < 0) bounds[k] = bounds[k] + n < 0 ? 0 : bounds[k] + n;
    if (bounds[k] > n) bounds[k] = n;
  }
  *lo = static_cast<uint64_t>(bounds[0]);
  *hi = static_cast<uint64_t>(bounds[1]);
  return true;
}

Value m_index(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "index", 1, 3)) return Value::exception();
  List* list = args.positional[0].as<List>();
  uint64_t lo, hi;
  if (!clamp_bounds(vm, args, 2, list->size, &lo, &hi)) return Value::exception();
  int64_t i = list_find(vm, list, args.positional[1], lo, hi);
  if (i == -2) return Value::exception();
  if (i >= 0) return Value::small_int(i);
  std::string msg;
  if (!repr_append(vm, msg, args.positional[1])) return Value::exception();
  return raise(vm, vm.types.ValueError, msg + " is not in list");
}

Value m_count(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.count", 1, 1)) return Value::exception();
  Root<List> list(vm, args.positional[0].as<List>());
  Value x = args.positional[1];
  int64_t count = 0;
  for (uint64_t i = 0; i < list->size; i++) {
    Value item = list->items()[i];
    if (item == x) {
      count++;
      continue;
    }
    RootValue keep(vm, item);
    int r = equals(vm, item, x);
    if (r < 0) return Value::exception();
    count += r;
  }
  return Value::small_int(count);
}

Value m_reverse(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.reverse", 0, 0)) return Value::exception();
  List* list = args.positional[0].as<List>();
  Value* a = list->items();
  for (uint64_t i = 0, j = list->size; i + 1 < j; i++, j--) std::swap(a[i], a[j - 1]);
  return Value::none();
}

Value m_copy(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.copy", 0, 0)) return Value::exception();
  Root<List> src(vm, args.positional[0].as<List>());
  Value r = list_new(vm, src->size);
  CT_TRY(r);
  if (src->size) std::memcpy(r.as<List>()->items(), src->items(), src->size * sizeof(Value));
  r.as<List>()->size = src->size;
  return r;
}

Value m_clear(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.clear", 0, 0)) return Value::exception();
  List* list = args.positional[0].as<List>();
  list->array = nullptr;
  list->size = 0;
  return Value::none();
}

Value m_reversed(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.__reversed__", 0, 0)) return Value::exception();
  List* list = args.positional[0].as<List>();
  return seq_iter_new(vm, vm.types.list_reverseiterator, args.positional[0], list->size - 1, -1);
}

Value m_len(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.__len__", 0, 0)) return Value::exception();
  return Value::small_int(static_cast<int64_t>(args.positional[0].as<List>()->size));
}

Value m_getitem(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.__getitem__", 1, 1)) return Value::exception();
  return list_getitem(vm, args.positional[0], args.positional[1]);
}

Value m_contains(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "list.__contains__", 1, 1)) return Value::exception();
  int r = list_contains(vm, args.positional[0], args.positional[1]);
  return r < 0 ? Value::exception() : Value::boolean(r != 0);
}

// list() / list(iterable).
Value list_construct(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "list")) return Value::exception();
  if (!check_args(vm, args, "list", 0, 1)) return Value::exception();
  Value r = list_new(vm);
  CT_TRY(r);
  if (args.positional.empty()) return r;
  Root<List> out(vm, r.as<List>());
  if (!list_extend(vm, out, args.positional[0])) return Value::exception();
  return Value::object(out.get());
}

}  // namespace

// -- Public API ------------------------------------------------------------

ValueArray* value_array_new(Vm& vm, uint64_t n, Value fill) {
  auto* a = vm.alloc<ValueArray>(vm.types.value_array, sizeof(ValueArray) + n * sizeof(Value));
  if (a == nullptr) return nullptr;
  a->capacity = n;
  std::fill_n(a->items, n, fill);
  return a;
}

namespace {

// A list with [capacity] slots, all set to [fill] (NULL: empty slots).
Value list_with_capacity(Vm& vm, uint64_t capacity, Value fill) {
  RootValue keep(vm, fill);
  auto* l = vm.alloc<List>(vm.types.list);
  if (l == nullptr) return Value::exception();
  l->size = 0;
  l->array = nullptr;
  if (capacity == 0) return Value::object(l);
  if (capacity > kMaxItems) return raise_value(vm, vm.memory_error);
  Root<List> root(vm, l);
  ValueArray* a = value_array_new(vm, capacity, keep.get());
  if (a == nullptr) return Value::exception();
  root->array = a;
  return Value::object(root.get());
}

}  // namespace

Value list_new(Vm& vm, uint64_t capacity) { return list_with_capacity(vm, capacity, Value::null()); }

Value list_new_filled(Vm& vm, uint64_t n, Value fill) {
  Value r = list_with_capacity(vm, n, fill);
  CT_TRY(r);
  r.as<List>()->size = n;
  return r;
}

bool list_to_values(Vm& vm, List* l) {
  if (l->bytes() == nullptr) [[likely]]
    return true;
  Root<List> root(vm, l);
  const uint64_t n = l->size;
  ValueArray* a = value_array_new(vm, n);
  if (a == nullptr) return false;
  const unsigned char* b = root->bytes()->data;
  for (uint64_t i = 0; i < n; i++) a->items[i] = Value::small_int(b[i]);
  root->array = a;
  root->aux = nullptr;  // an exact list: no attributes
  return true;
}

bool list_store(Vm& vm, List* l, uint64_t i, Value v) {
  if (RawArray* b = l->bytes()) [[unlikely]] {
    if (fits_byte(v)) {
      b->data[i] = static_cast<unsigned char>(v.as_small_int());
      return true;
    }
    RootValue keep(vm, v);
    if (!list_to_values(vm, l)) return false;
  }
  l->array->items[i] = v;
  return true;
}

bool list_reserve(Vm& vm, List* list, uint64_t n) {
  if (list->array != nullptr && list->array->capacity >= n) return true;
  Root<List> root(vm, list);
  if (!list_to_values(vm, root)) return false;
  if (root->array != nullptr && root->array->capacity >= n) return true;
  return list_grow(vm, root, n);
}

bool list_append(Vm& vm, List* list, Value v) {
  ValueArray* a = list->array;
  if (a != nullptr && list->size < a->capacity) {
    a->items[list->size++] = v;
    return true;
  }
  Root<List> root(vm, list);
  RootValue keep(vm, v);
  if (!list_to_values(vm, root)) return false;
  if (root->array == nullptr || root->size >= root->array->capacity) {
    if (!list_grow(vm, root, root->size + 1)) return false;
  }
  root->items()[root->size++] = keep;
  return true;
}

bool list_insert(Vm& vm, List* list, int64_t index, Value v) {
  int64_t n = static_cast<int64_t>(list->size);
  if (index < 0) index = index + n < 0 ? 0 : index + n;
  if (index > n) index = n;
  Root<List> root(vm, list);
  RootValue keep(vm, v);
  if (!list_reserve(vm, root, root->size + 1)) return false;
  Value* a = root->items();
  if (n > index) std::memmove(a + index + 1, a + index, static_cast<uint64_t>(n - index) * sizeof(Value));
  a[index] = keep;
  root->size++;
  return true;
}

void init_list_type(Vm& vm) {
  Klass* va = vm.types.value_array;
  va->trace = value_array_trace;

  Klass* k = vm.types.list;
  k->flags |= kKlassBaseType;
  k->trace = list_trace;
  k->repr = list_repr;
  k->len = list_len;
  k->getitem = list_getitem;
  k->setitem = list_setitem;
  k->contains = list_contains;
  k->iter = list_iter;
  k->richcompare = list_richcompare;
  k->binary = list_binary;
  k->truth = list_truth;
  k->hash = nullptr;  // unhashable
  k->construct = list_construct;

  add_method(vm, k, "append", m_append);
  add_method(vm, k, "extend", m_extend);
  add_method(vm, k, "insert", m_insert);
  add_method(vm, k, "pop", m_pop);
  add_method(vm, k, "remove", m_remove);
  add_method(vm, k, "index", m_index);
  add_method(vm, k, "count", m_count);
  add_method(vm, k, "reverse", m_reverse);
  add_method(vm, k, "sort", list_sort_method);
  add_method(vm, k, "copy", m_copy);
  add_method(vm, k, "clear", m_clear);
  add_method(vm, k, "__reversed__", m_reversed);
  add_method(vm, k, "__len__", m_len);
  add_method(vm, k, "__getitem__", m_getitem);
  add_method(vm, k, "__contains__", m_contains);
}

}  // namespace contrail::runtime
