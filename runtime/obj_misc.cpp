// runtime/obj_misc.cpp -- Small built-in types: range, slice, module, traceback.
// Invariants:
//  - A Range holds small ints only and caches its length; its items are
//    start + i * step for 0 <= i < length (no overflow: |values| < 2^47).
//  - slice_indices() reproduces PySlice_GetIndicesEx: indices are clamped into
//    the sequence, huge ints saturate, and the result never overflows int64.
//  - A module's attributes are its dict; ops.cpp's get_attr builds the
//    AttributeError when the getattr slot returns NULL.
#include <string_view>  // obj_misc.h uses it without including it

#include "runtime/obj_misc.h"

#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr int64_t kIndexMax = INT64_MAX / 4;  // saturation bound for slice indices

bool is_kind(Value v, TypeKind kind) { return v.is_obj() && v.as_obj()->klass->kind == kind; }


// -- Module ------------------------------------------------------------------

void module_trace(Obj* self, Tracer& tracer) {
  auto* m = static_cast<Module*>(self);
  tracer.visit(m->name);
  tracer.visit(m->dict);
}

Value module_repr(Vm& vm, Value self) {
  Module* m = self.as<Module>();
  std::string out = "<module '";
  out += m->name->view();
  out += "'";
  Value file = m->dict != nullptr ? dict_get_str(m->dict, vm.names.dunder_file) : Value::null();
  if (is_kind(file, TypeKind::STR)) {
    out += " from ";
    str_repr_append(out, file.as<Str>()->view());
  } else {
    out += " (built-in)";
  }
  out += ">";
  return str_new(vm, out);
}

Value module_getattr(Vm&, Value self, Str* name) {
  Module* m = self.as<Module>();
  if (m->dict == nullptr) return Value::null();
  return dict_get_str(m->dict, name);
}

// -- Traceback ---------------------------------------------------------------

void traceback_trace(Obj* self, Tracer& tracer) {
  auto* tb = static_cast<Traceback*>(self);
  tracer.visit(tb->next);
  tracer.visit(tb->code);
}

// -- Integer arguments -------------------------------------------------------

// Converts an integer argument (range(), count()); TypeError/OverflowError as CPython.
bool arg_int64(Vm& vm, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (is_int_like(vm, v)) {
    if (int_to_int64(v, out) && Value::fits_small_int(*out)) return true;
    raise(vm, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  raise(vm, vm.types.TypeError,
        "'" + std::string(type_name(vm, v)) + "' object cannot be interpreted as an integer");
  return false;
}

// A slice field as a saturated int64; false with TypeError pending.
bool slice_field(Vm& vm, Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (is_int_like(vm, v)) {
    if (!int_to_int64(v, out) || *out > kIndexMax || *out < -kIndexMax) {
      BigNum tmp;
      *out = int_view(v, tmp).neg ? -kIndexMax : kIndexMax;
    }
    return true;
  }
  raise(vm, vm.types.TypeError, "slice indices must be integers or None or have an __index__ method");
  return false;
}

// -- Range -------------------------------------------------------------------

int64_t range_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
  return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Value range_repr(Vm& vm, Value self) {
  Range* r = self.as<Range>();
  std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) out += ", " + std::to_string(r->step);
  out += ")";
  return str_new(vm, out);
}

bool range_len(Vm&, Value self, int64_t* out) {
  *out = self.as<Range>()->length;
  return true;
}

Value range_getitem(Vm& vm, Value self, Value key) {
  Range* r = self.as<Range>();
  if (is_kind(key, TypeKind::SLICE)) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, key.as<Slice>(), r->length, &start, &stop, &step, &n)) return Value::exception();
    r = self.as<Range>();
    return range_new(vm, r->start + start * r->step, r->start + stop * r->step, r->step * step);
  }
  int64_t i;
  if (key.is_small_int()) {
    i = key.as_small_int();
  } else if (is_int_like(vm, key)) {
    if (!int_to_int64(key, &i)) return raise(vm, vm.types.IndexError, "range object index out of range");
  } else {
    return raise(vm, vm.types.TypeError,
                 "range indices must be integers or slices, not " + std::string(type_name(vm, key)));
  }
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) return raise(vm, vm.types.IndexError, "range object index out of range");
  return Value::small_int(r->start + i * r->step);
}

// Position of int [x] in [r], or -1.
int64_t range_position(Range* r, int64_t x) {
  if (r->length == 0) return -1;
  int64_t off = x - r->start;
  if (off % r->step != 0) return -1;
  int64_t i = off / r->step;
  return i >= 0 && i < r->length ? i : -1;
}

// Index of [x] in [r]: -1 when absent, -2 on exception.
int64_t range_find(Vm& vm, Value self, Value x) {
  Range* r = self.as<Range>();
  if (x.is_small_int() || x.is_bool()) return range_position(r, x.is_bool() ? x.as_bool() : x.as_small_int());
  if (is_int_like(vm, x)) return -1;  // BigInts lie outside every range
  for (int64_t i = 0; i < self.as<Range>()->length; i++) {
    Range* cur = self.as<Range>();
    int eq = equals(vm, Value::small_int(cur->start + i * cur->step), x);
    if (eq < 0) return -2;
    if (eq > 0) return i;
  }
  return -1;
}

int range_contains(Vm& vm, Value self, Value x) {
  int64_t i = range_find(vm, self, x);
  return i == -2 ? -1 : i >= 0;
}

Value range_iter(Vm& vm, Value self) { return seq_iter_new(vm, vm.types.range_iterator, self, 0, 1); }

bool ranges_equal(Range* a, Range* b) {
  if (a->length != b->length) return false;
  if (a->length == 0) return true;
  if (a->start != b->start) return false;
  return a->length == 1 || a->step == b->step;
}

Value range_richcompare(Vm& vm, Value a, Value b, uint8_t raw_op) {
  CmpOp op = static_cast<CmpOp>(raw_op);
  if (!is_kind(a, TypeKind::RANGE) || !is_kind(b, TypeKind::RANGE) || (op != CmpOp::EQ && op != CmpOp::NE)) {
    return vm.singleton_not_implemented;
  }
  return Value::boolean(ranges_equal(a.as<Range>(), b.as<Range>()) == (op == CmpOp::EQ));
}

// CPython: hash((len, start, step)) with start/step None for short ranges.
bool range_hash(Vm& vm, Value self, int64_t* out) {
  Range* r = self.as<Range>();
  int64_t len = r->length, start = r->start, step = r->step;
  Value t = tuple_new(vm, 3);
  if (t.is_exception()) return false;
  Tuple* tup = t.as<Tuple>();
  tup->items[0] = Value::small_int(len);
  if (len > 0) tup->items[1] = Value::small_int(start);
  if (len > 1) tup->items[2] = Value::small_int(step);
  RootValue keep(vm, t);
  return hash_value(vm, t, out);
}

Value range_getattr(Vm&, Value self, Str* name) {
  Range* r = self.as<Range>();
  std::string_view n = name->view();
  if (n == "start") return Value::small_int(r->start);
  if (n == "stop") return Value::small_int(r->stop);
  if (n == "step") return Value::small_int(r->step);
  return Value::null();
}

Value range_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "range", 1, 3)) return Value::exception();
  int64_t v[3] = {0, 0, 1};
  size_t n = args.positional.size();
  for (size_t i = 0; i < n; i++) {
    if (!arg_int64(vm, args.positional[i], &v[n == 1 ? 1 : i])) return Value::exception();
  }
  if (v[2] == 0) return raise(vm, vm.types.ValueError, "range() arg 3 must not be zero");
  return range_new(vm, v[0], v[1], v[2]);
}

bool is_range_self(Vm& vm, const CallArgs& args, const char* fname, int nargs) {
  if (args.positional.empty() || !is_kind(args.positional[0], TypeKind::RANGE)) {
    raise(vm, vm.types.TypeError, std::string("descriptor '") + fname + "' requires a 'range' object");
    return false;
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  return check_args(vm, rest, (std::string("range.") + fname).c_str(), nargs, nargs);
}

Value m_range_index(Vm& vm, const CallArgs& args) {
  if (!is_range_self(vm, args, "index", 1)) return Value::exception();
  int64_t i = range_find(vm, args.positional[0], args.positional[1]);
  if (i == -2) return Value::exception();
  if (i >= 0) return Value::small_int(i);
  std::string msg;
  if (!repr_append(vm, msg, args.positional[1])) return Value::exception();
  return raise(vm, vm.types.ValueError, msg + " is not in range");
}

Value m_range_count(Vm& vm, const CallArgs& args) {
  if (!is_range_self(vm, args, "count", 1)) return Value::exception();
  int64_t i = range_find(vm, args.positional[0], args.positional[1]);
  if (i == -2) return Value::exception();
  return Value::small_int(i >= 0 ? 1 : 0);
}

// -- Slice -------------------------------------------------------------------

void slice_trace(Obj* self, Tracer& tracer) {
  auto* s = static_cast<Slice*>(self);
  tracer.visit(s->start);
  tracer.visit(s->stop);
  tracer.visit(s->step);
}

Value slice_repr(Vm& vm, Value self) {
  std::string out = "slice(";
  Value fields[3] = {self.as<Slice>()->start, self.as<Slice>()->stop, self.as<Slice>()->step};
  for (int i = 0; i < 3; i++) {
    if (i > 0) out += ", ";
    if (!repr_append(vm, out, fields[i])) return Value::exception();
  }
  out += ")";
  return str_new(vm, out);
}

Value slice_getattr(Vm&, Value self, Str* name) {
  Slice* s = self.as<Slice>();
  std::string_view n = name->view();
  if (n == "start") return s->start;
  if (n == "stop") return s->stop;
  if (n == "step") return s->step;
  return Value::null();
}

Value slice_as_tuple(Vm& vm, Value self) {
  RootValue keep(vm, self);
  Value t = tuple_new(vm, 3);
  CT_TRY(t);
  Slice* s = keep.get().as<Slice>();
  t.as<Tuple>()->items[0] = s->start;
  t.as<Tuple>()->items[1] = s->stop;
  t.as<Tuple>()->items[2] = s->step;
  return t;
}

Value slice_richcompare(Vm& vm, Value a, Value b, uint8_t op) {
  if (!is_kind(a, TypeKind::SLICE) || !is_kind(b, TypeKind::SLICE)) return vm.singleton_not_implemented;
  RootValue rb(vm, b);
  RootValue ta(vm, slice_as_tuple(vm, a));
  CT_TRY(ta.get());
  Value tb = slice_as_tuple(vm, rb);
  CT_TRY(tb);
  RootValue rtb(vm, tb);
  return compare(vm, ta, tb, static_cast<CmpOp>(op));
}

Value slice_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "slice", 1, 3)) return Value::exception();
  std::span<const Value> a = args.positional;
  if (a.size() == 1) return slice_new(vm, Value::none(), a[0], Value::none());
  return slice_new(vm, a[0], a[1], a.size() > 2 ? a[2] : Value::none());
}

// slice.indices(length) -> (start, stop, step).
Value m_slice_indices(Vm& vm, const CallArgs& args) {
  if (args.positional.empty() || !is_kind(args.positional[0], TypeKind::SLICE)) {
    return raise(vm, vm.types.TypeError, "descriptor 'indices' requires a 'slice' object");
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  if (!check_args(vm, rest, "slice.indices", 1, 1)) return Value::exception();
  int64_t length;
  if (!arg_int64(vm, args.positional[1], &length)) return Value::exception();
  if (length < 0) return raise(vm, vm.types.ValueError, "length should not be negative");
  int64_t start, stop, step, n;
  if (!slice_indices(vm, args.positional[0].as<Slice>(), length, &start, &stop, &step, &n)) {
    return Value::exception();
  }
  Value t = tuple_new(vm, 3);
  CT_TRY(t);
  t.as<Tuple>()->items[0] = Value::small_int(start);
  t.as<Tuple>()->items[1] = Value::small_int(stop);
  t.as<Tuple>()->items[2] = Value::small_int(step);
  return t;
}

// Clamps a start/stop index into the sequence (PySlice_AdjustIndices).
int64_t adjust_index(int64_t i, int64_t length, int64_t step) {
  if (i < 0) {
    i += length;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? length - 1 : length;
  }
  return i;
}

void init_module_type(Vm& vm) {
  Klass* k = vm.types.module;
  k->trace = module_trace;
  k->repr = module_repr;
  k->getattr = module_getattr;
}

void init_range_type(Vm& vm) {
  Klass* k = vm.types.range;
  k->repr = range_repr;
  k->len = range_len;
  k->getitem = range_getitem;
  k->contains = range_contains;
  k->iter = range_iter;
  k->richcompare = range_richcompare;
  k->hash = range_hash;
  k->getattr = range_getattr;
  k->construct = range_construct;
  add_method(vm, k, "index", m_range_index);
  add_method(vm, k, "count", m_range_count);
}

void init_slice_type(Vm& vm) {
  Klass* k = vm.types.slice;
  k->trace = slice_trace;
  k->repr = slice_repr;
  k->getattr = slice_getattr;
  k->richcompare = slice_richcompare;
  k->hash = nullptr;  // unhashable in 3.11
  k->construct = slice_construct;
  add_method(vm, k, "indices", m_slice_indices);
}

}  // namespace

// -- Public API --------------------------------------------------------------

Value module_new(Vm& vm, std::string_view name) {
  Value n = str_new(vm, name);
  CT_TRY(n);
  RootValue rn(vm, n);
  Value d = dict_new(vm);
  CT_TRY(d);
  RootValue rd(vm, d);
  auto* m = vm.alloc<Module>(vm.types.module);
  if (m == nullptr) return Value::exception();
  m->name = rn.get().as<Str>();
  m->dict = rd.get().as<Dict>();
  RootValue rm(vm, Value::object(m));
  if (!dict_set(vm, m->dict, Value::object(vm.names.dunder_name), rn)) return Value::exception();
  if (!dict_set(vm, rm.get().as<Module>()->dict, Value::object(vm.names.dunder_doc), Value::none())) {
    return Value::exception();
  }
  return rm;
}

Value range_new(Vm& vm, int64_t start, int64_t stop, int64_t step) {
  auto* r = vm.alloc<Range>(vm.types.range);
  if (r == nullptr) return Value::exception();
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = range_length(start, stop, step);
  return Value::object(r);
}

Value slice_new(Vm& vm, Value start, Value stop, Value step) {
  RootValue a(vm, start), b(vm, stop), c(vm, step);
  auto* s = vm.alloc<Slice>(vm.types.slice);
  if (s == nullptr) return Value::exception();
  s->start = a;
  s->stop = b;
  s->step = c;
  return Value::object(s);
}

bool slice_indices(Vm& vm, Slice* s, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  *step = 1;
  if (!s->step.is_none()) {
    if (!slice_field(vm, s->step, step)) return false;
    if (*step == 0) {
      raise(vm, vm.types.ValueError, "slice step cannot be zero");
      return false;
    }
  }
  if (s->start.is_none()) {
    *start = *step < 0 ? length - 1 : 0;
  } else {
    if (!slice_field(vm, s->start, start)) return false;
    *start = adjust_index(*start, length, *step);
  }
  if (s->stop.is_none()) {
    *stop = *step < 0 ? -1 : length;
  } else {
    if (!slice_field(vm, s->stop, stop)) return false;
    *stop = adjust_index(*stop, length, *step);
  }
  if (*step < 0) {
    *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  } else {
    *slicelength = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  }
  return true;
}

void init_misc_types(Vm& vm) {
  init_module_type(vm);
  init_range_type(vm);
  init_slice_type(vm);
  vm.types.traceback->trace = traceback_trace;
}

}  // namespace contrail::runtime
