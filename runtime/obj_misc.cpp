// runtime/obj_misc.cpp -- Small built-in types: range, slice, module, traceback.
// Invariants:
//  - A Range is small or big (see obj_misc.h). Small: int64 fields, every item
//    start + i * step (0 <= i < length) is a small int, and for length >= 2
//    |step| < 2^48 so no int64 arithmetic on it overflows. Big: int Values in
//    big_*. Cold paths compute exactly on BigNum copies (RangeNums).
//  - Behaviour follows CPython 3.11's rangeobject.c, including its long paths
//    (range_contains_long, compute_slice, range_hash, range_equals).
//  - slice_indices() reproduces PySlice_GetIndicesEx: indices are clamped into
//    the sequence, huge ints saturate, and the result never overflows int64.
//  - A module's attributes are its dict; ops.cpp's get_attr builds the
//    AttributeError when the getattr slot returns NULL.
#include <string_view>  // obj_misc.h uses it without including it

#include "runtime/obj_misc.h"

#include <string>
#include <utility>

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

// TypeError "'float' object cannot be interpreted as an integer". (Built with
// += : GCC 12 reports a false -Wrestrict for the operator+ chain.)
void raise_not_integer(Vm& vm, Value v) {
  std::string msg = "'";
  msg += type_name(vm, v);
  msg += "' object cannot be interpreted as an integer";
  raise(vm, vm.types.TypeError, msg);
}

// Converts an integer argument (slice.indices()); TypeError/OverflowError as CPython.
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
  raise_not_integer(vm, v);
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

// -- Range: exact arithmetic ---------------------------------------------------
// Cold paths (big ranges, slicing, equality, hashing, index()) compute on
// BigNum copies of the fields (RangeNums), so no collection can happen in the
// middle of a computation; results are allocated last. Small ranges keep int64
// fast paths for len(), int indexing, `in` and iteration.

__extension__ typedef __int128 Int128;

static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "range_length_saturated reads one 64-bit limb");

struct RangeNums {
  BigNum start, stop, step, length;
};

// The int-like [v] (bools are 0/1) as an owned number.
BigNum num_of(Value v) {
  BigNum tmp;
  return big_copy(int_view(v, tmp));
}

RangeNums range_nums(const Range* r) {
  if (!range_is_big(r)) {
    return {big_from_int64(r->start), big_from_int64(r->stop), big_from_int64(r->step), big_from_int64(r->length)};
  }
  return {num_of(r->big_start), num_of(r->big_stop), num_of(r->big_step), num_of(r->big_length)};
}

// CPython's compute_range_length; [step] is not zero.
BigNum nums_length(const BigNum& start, const BigNum& stop, const BigNum& step) {
  const BigNum& lo = step.neg ? stop : start;
  const BigNum& hi = step.neg ? start : stop;
  if (big_compare(lo.view(), hi.view()) >= 0) return BigNum{};
  BigNum one = big_from_int64(1);
  BigNum span = big_sub(big_sub(hi.view(), lo.view()).view(), one.view());
  return big_add(big_floordiv(span.view(), big_abs(step.view()).view()).view(), one.view());
}

// start + i * step (no bounds check, as CPython's compute_item).
BigNum nums_item(const RangeNums& n, const BigNum& i) {
  return big_add(n.start.view(), big_mul(i.view(), n.step.view()).view());
}

// True when the int [x] is an item of [n] (range_contains_long).
bool nums_contains(const RangeNums& n, BigView x) {
  if (!n.step.neg) {
    if (big_compare(n.start.view(), x) > 0 || big_compare(x, n.stop.view()) >= 0) return false;
  } else if (big_compare(x, n.start.view()) > 0 || big_compare(n.stop.view(), x) >= 0) {
    return false;
  }
  BigNum off = big_sub(x, n.start.view());
  return big_is_zero(big_mod(off.view(), n.step.view()).view());
}

// Length of range(start, stop, step) over int64 bounds; fits uint64.
Int128 int64_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) return start < stop ? (Int128{stop} - start - 1) / step + 1 : 0;
  return start > stop ? (Int128{start} - stop - 1) / -Int128{step} + 1 : 0;
}

// -- Range: allocation ----------------------------------------------------------

Value range_alloc_small(Vm& vm, int64_t start, int64_t stop, int64_t step, int64_t length) {
  auto* r = vm.alloc<Range>(vm.types.range);
  if (r == nullptr) return Value::exception();
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = length;
  r->big_start = r->big_stop = r->big_step = r->big_length = Value::none();
  return Value::object(r);
}

Value range_alloc_big(Vm& vm, const RangeNums& n) {
  RootValue start(vm, int_from_big(vm, n.start));
  CT_TRY(start.get());
  RootValue stop(vm, int_from_big(vm, n.stop));
  CT_TRY(stop.get());
  RootValue step(vm, int_from_big(vm, n.step));
  CT_TRY(step.get());
  RootValue length(vm, int_from_big(vm, n.length));
  CT_TRY(length.get());
  auto* r = vm.alloc<Range>(vm.types.range);
  if (r == nullptr) return Value::exception();
  r->start = r->stop = r->step = r->length = 0;
  r->big_start = start;
  r->big_stop = stop;
  r->big_step = step;
  r->big_length = length;
  return Value::object(r);
}

// range(start, stop, step) for any ints ([step] not zero).
Value range_from_nums(Vm& vm, const BigNum& start, const BigNum& stop, const BigNum& step) {
  int64_t a, b, c;
  if (big_to_int64(start.view(), &a) && big_to_int64(stop.view(), &b) && big_to_int64(step.view(), &c)) {
    return range_new(vm, a, b, c);
  }
  return range_alloc_big(vm, RangeNums{start, stop, step, nums_length(start, stop, step)});
}

enum class RangeField : uint8_t { START, STOP, STEP, LENGTH };

// A field of [r] as an int Value; allocates only for small-form fields outside
// the small-int range.
Value range_field(Vm& vm, const Range* r, RangeField f) {
  bool big = range_is_big(r);
  switch (f) {
    case RangeField::START: return big ? r->big_start : int_from_int64(vm, r->start);
    case RangeField::STOP: return big ? r->big_stop : int_from_int64(vm, r->stop);
    case RangeField::STEP: return big ? r->big_step : int_from_int64(vm, r->step);
    case RangeField::LENGTH: return big ? r->big_length : int_from_int64(vm, r->length);
  }
  return Value::none();
}

// -- Range: the type ---------------------------------------------------------------

void range_trace(Obj* self, Tracer& tracer) {
  auto* r = static_cast<Range*>(self);
  tracer.visit(r->big_start);
  tracer.visit(r->big_stop);
  tracer.visit(r->big_step);
  tracer.visit(r->big_length);
}

Value range_repr(Vm& vm, Value self) {
  Range* r = self.as<Range>();
  if (!range_is_big(r)) {
    std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) out += ", " + std::to_string(r->step);
    out += ")";
    return str_new(vm, out);
  }
  // The fields stay reachable through [self] (rooted by the caller).
  std::string out = "range(";
  if (!repr_append(vm, out, r->big_start)) return Value::exception();
  out += ", ";
  if (!repr_append(vm, out, r->big_stop)) return Value::exception();
  if (r->big_step != Value::small_int(1)) {
    out += ", ";
    if (!repr_append(vm, out, r->big_step)) return Value::exception();
  }
  out += ")";
  return str_new(vm, out);
}

bool range_len(Vm& vm, Value self, int64_t* out) {
  Range* r = self.as<Range>();
  if (!range_is_big(r)) {
    *out = r->length;
    return true;
  }
  if (int_to_int64(r->big_length, out)) return true;
  raise(vm, vm.types.OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

// bool(range): its length is not zero (never raises, unlike len()).
int range_truth(Vm&, Value self) {
  Range* r = self.as<Range>();
  return range_is_big(r) ? r->big_length != Value::small_int(0) : r->length != 0;
}

// Resolves [s] against [length] like _PySlice_GetLongIndices (exact, no saturation).
bool slice_long_field(Vm& vm, Value v, BigNum* out) {
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  *out = num_of(v);
  return true;
}

BigNum clamp_long_index(BigNum i, const BigNum& length, const BigNum& lower, const BigNum& upper) {
  if (i.neg) {
    i = big_add(i.view(), length.view());
    return big_compare(i.view(), lower.view()) < 0 ? lower : i;
  }
  return big_compare(i.view(), upper.view()) > 0 ? upper : i;
}

// One bound of a slice: [v] None takes [dflt], otherwise it is clamped.
bool slice_long_bound(Vm& vm, Value v, const BigNum& length, const BigNum& lower, const BigNum& upper,
                      const BigNum& dflt, BigNum* out) {
  if (v.is_none()) {
    *out = dflt;
    return true;
  }
  if (!slice_long_field(vm, v, out)) return false;
  *out = clamp_long_index(std::move(*out), length, lower, upper);
  return true;
}

bool slice_long_indices(Vm& vm, Slice* s, const BigNum& length, BigNum* start, BigNum* stop, BigNum* step) {
  *step = big_from_int64(1);
  if (!s->step.is_none()) {
    if (!slice_long_field(vm, s->step, step)) return false;
    if (big_is_zero(step->view())) {
      raise(vm, vm.types.ValueError, "slice step cannot be zero");
      return false;
    }
  }
  bool down = step->neg;
  BigNum lower = big_from_int64(down ? -1 : 0);
  BigNum upper = down ? big_sub(length.view(), big_from_int64(1).view()) : length;
  if (!slice_long_bound(vm, s->start, length, lower, upper, down ? upper : lower, start)) return false;
  return slice_long_bound(vm, s->stop, length, lower, upper, down ? lower : upper, stop);
}

// range[slice] (CPython's compute_slice).
Value range_slice(Vm& vm, Value self, Slice* s) {
  RangeNums n = range_nums(self.as<Range>());
  BigNum start, stop, step;
  if (!slice_long_indices(vm, s, n.length, &start, &stop, &step)) return Value::exception();
  BigNum substep = big_mul(step.view(), n.step.view());
  return range_from_nums(vm, nums_item(n, start), nums_item(n, stop), substep);
}

// range[i] for an int [key] beyond the small fast path.
Value range_item_long(Vm& vm, const Range* r, Value key) {
  RangeNums n = range_nums(r);
  BigNum i = num_of(key);
  if (i.neg) i = big_add(i.view(), n.length.view());
  if (i.neg || big_compare(i.view(), n.length.view()) >= 0) {
    return raise(vm, vm.types.IndexError, "range object index out of range");
  }
  return int_from_big(vm, nums_item(n, i));
}

Value range_getitem(Vm& vm, Value self, Value key) {
  if (is_kind(key, TypeKind::SLICE)) return range_slice(vm, self, key.as<Slice>());
  if (!is_int_like(vm, key)) {
    return raise(vm, vm.types.TypeError,
                 "range indices must be integers or slices, not " + std::string(type_name(vm, key)));
  }
  Range* r = self.as<Range>();
  if (range_is_big(r) || !(key.is_small_int() || key.is_bool())) return range_item_long(vm, r, key);
  int64_t i = key.is_bool() ? key.as_bool() : key.as_small_int();
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) return raise(vm, vm.types.IndexError, "range object index out of range");
  return Value::small_int(r->start + i * r->step);
}

// Position of int [x] in the small range [r], or -1.
int64_t range_position(const Range* r, int64_t x) {
  if (r->length == 0) return -1;
  int64_t off = x - r->start;
  if (off % r->step != 0) return -1;
  int64_t i = off / r->step;
  return i >= 0 && i < r->length ? i : -1;
}

// Searches [self] for a non-int [x] by equality, as _PySequence_IterSearch:
// the first index ([count] false; -1 when absent) or the number of matches;
// -2 on exception. An endless search over a huge range is CPython's too.
int64_t range_search(Vm& vm, Value self, Value x, bool count) {
  uint64_t n = range_length_saturated(self.as<Range>());
  int64_t found = 0;
  for (uint64_t i = 0; i < n; i++) {
    RootValue item(vm, range_item_at(vm, self.as<Range>(), i));
    if (item.get().is_exception()) return -2;
    int eq = equals(vm, item, x);
    if (eq < 0) return -2;
    if (eq == 0) continue;
    if (!count) return static_cast<int64_t>(i);
    found++;
  }
  return count ? found : -1;
}

int range_contains(Vm& vm, Value self, Value x) {
  Range* r = self.as<Range>();
  if (!range_is_big(r) && (x.is_small_int() || x.is_bool())) {
    return range_position(r, x.is_bool() ? x.as_bool() : x.as_small_int()) >= 0;
  }
  if (is_int_like(vm, x)) {
    BigNum tmp;
    return nums_contains(range_nums(r), int_view(x, tmp));
  }
  int64_t i = range_search(vm, self, x, false);
  return i == -2 ? -1 : i >= 0;
}

Value range_iter(Vm& vm, Value self) {
  Klass* k = range_is_big(self.as<Range>()) ? vm.types.longrange_iterator : vm.types.range_iterator;
  return seq_iter_new(vm, k, self, 0, 1);
}

// CPython's range_equals: equal lengths, then start unless empty, then step
// unless a single item.
bool ranges_equal(const Range* a, const Range* b) {
  if (!range_is_big(a) && !range_is_big(b)) {
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    return a->length == 1 || a->step == b->step;
  }
  RangeNums x = range_nums(a), y = range_nums(b);
  if (big_compare(x.length.view(), y.length.view()) != 0) return false;
  if (big_is_zero(x.length.view())) return true;
  if (big_compare(x.start.view(), y.start.view()) != 0) return false;
  BigNum one = big_from_int64(1);
  return big_compare(x.length.view(), one.view()) == 0 || big_compare(x.step.view(), y.step.view()) == 0;
}

Value range_richcompare(Vm& vm, Value a, Value b, uint8_t raw_op) {
  CmpOp op = static_cast<CmpOp>(raw_op);
  if (!is_kind(a, TypeKind::RANGE) || !is_kind(b, TypeKind::RANGE) || (op != CmpOp::EQ && op != CmpOp::NE)) {
    return vm.singleton_not_implemented;
  }
  return Value::boolean(ranges_equal(a.as<Range>(), b.as<Range>()) == (op == CmpOp::EQ));
}

// CPython: hash((len, start, step)), with step None for one item and start
// and step None for none.
bool range_hash(Vm& vm, Value self, int64_t* out) {
  RootValue t(vm, tuple_new(vm, 3));  // filled with None
  if (t.get().is_exception()) return false;
  uint64_t len = range_length_saturated(self.as<Range>());
  const RangeField fields[3] = {RangeField::LENGTH, RangeField::START, RangeField::STEP};
  int used = len == 0 ? 1 : len == 1 ? 2 : 3;
  for (int i = 0; i < used; i++) {
    Value v = range_field(vm, self.as<Range>(), fields[i]);
    if (v.is_exception()) return false;
    t.get().as<Tuple>()->items[i] = v;
  }
  return hash_value(vm, t, out);
}

Value range_getattr(Vm& vm, Value self, Str* name) {
  Range* r = self.as<Range>();
  std::string_view n = name->view();
  if (n == "start") return range_field(vm, r, RangeField::START);
  if (n == "stop") return range_field(vm, r, RangeField::STOP);
  if (n == "step") return range_field(vm, r, RangeField::STEP);
  return Value::null();
}

// A range() argument as an int Value (bools become ints); TypeError otherwise.
bool range_arg(Vm& vm, Value v, Value* out) {
  if (v.is_bool()) {
    *out = Value::small_int(v.as_bool());
    return true;
  }
  if (is_int(vm, v)) {
    *out = v;
    return true;
  }
  raise_not_integer(vm, v);
  return false;
}

Value range_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "range", 1, 3)) return Value::exception();
  // Values come from the (rooted) arguments or are small ints.
  Value v[3] = {Value::small_int(0), Value::small_int(0), Value::small_int(1)};
  size_t n = args.positional.size();
  for (size_t i = 0; i < n; i++) {
    if (!range_arg(vm, args.positional[i], &v[n == 1 ? 1 : i])) return Value::exception();
  }
  if (v[2] == Value::small_int(0)) return raise(vm, vm.types.ValueError, "range() arg 3 must not be zero");
  if (v[0].is_small_int() && v[1].is_small_int() && v[2].is_small_int()) {
    return range_new(vm, v[0].as_small_int(), v[1].as_small_int(), v[2].as_small_int());
  }
  return range_from_nums(vm, num_of(v[0]), num_of(v[1]), num_of(v[2]));
}

bool is_range_self(Vm& vm, const CallArgs& args, const char* fname, int nargs) {
  if (args.positional.empty() || !is_kind(args.positional[0], TypeKind::RANGE)) {
    raise(vm, vm.types.TypeError, std::string("descriptor '") + fname + "' requires a 'range' object");
    return false;
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  return check_args(vm, rest, (std::string("range.") + fname).c_str(), nargs, nargs);
}

// range.index(x) for an int [x]: (x - start) // step, or ValueError.
Value range_index_int(Vm& vm, const Range* r, Value x) {
  RangeNums n = range_nums(r);
  BigNum tmp;
  BigView xv = int_view(x, tmp);
  if (nums_contains(n, xv)) return int_from_big(vm, big_floordiv(big_sub(xv, n.start.view()).view(), n.step.view()));
  std::string msg;
  if (!repr_append(vm, msg, x)) return Value::exception();
  return raise(vm, vm.types.ValueError, msg + " is not in range");
}

Value m_range_index(Vm& vm, const CallArgs& args) {
  if (!is_range_self(vm, args, "index", 1)) return Value::exception();
  Value self = args.positional[0], x = args.positional[1];
  if (is_int_like(vm, x)) return range_index_int(vm, self.as<Range>(), x);
  int64_t i = range_search(vm, self, x, false);
  if (i == -2) return Value::exception();
  if (i >= 0) return int_from_int64(vm, i);
  return raise(vm, vm.types.ValueError, "sequence.index(x): x not in sequence");
}

Value m_range_count(Vm& vm, const CallArgs& args) {
  if (!is_range_self(vm, args, "count", 1)) return Value::exception();
  Value self = args.positional[0], x = args.positional[1];
  if (is_int_like(vm, x)) {
    BigNum tmp;
    return Value::small_int(nums_contains(range_nums(self.as<Range>()), int_view(x, tmp)) ? 1 : 0);
  }
  int64_t c = range_search(vm, self, x, true);
  if (c == -2) return Value::exception();
  return int_from_int64(vm, c);
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
  k->trace = range_trace;
  k->repr = range_repr;
  k->len = range_len;
  k->truth = range_truth;
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
  Int128 length = int64_length(start, stop, step);
  // (length - 1) * |step| <= |stop - start|, so `last` cannot overflow.
  Int128 last = start + (length - 1) * step;
  bool small = length == 0 || (Value::fits_small_int(start) && Value::fits_small_int(static_cast<int64_t>(last)) &&
                               last == static_cast<int64_t>(last));
  if (small) return range_alloc_small(vm, start, stop, step, static_cast<int64_t>(length));
  return range_alloc_big(vm, RangeNums{big_from_int64(start), big_from_int64(stop), big_from_int64(step),
                                       big_from_uint64(static_cast<uint64_t>(length))});
}

Value range_reversed(Vm& vm, Value range) {
  Range* r = range.as<Range>();
  if (!range_is_big(r)) {
    // Short ranges may have any int64 step: do not negate it.
    if (r->length <= 1) return range_new(vm, r->start, r->start + r->length, 1);
    // Here |step| <= |stop - start| < 2^48, so nothing overflows.
    return range_new(vm, r->start + (r->length - 1) * r->step, r->start - r->step, -r->step);
  }
  RangeNums n = range_nums(r);
  if (big_is_zero(n.length.view())) return range_new(vm, 0, 0, 1);
  BigNum last = nums_item(n, big_sub(n.length.view(), big_from_int64(1).view()));
  return range_from_nums(vm, last, big_sub(n.start.view(), n.step.view()), big_neg(n.step.view()));
}

Value range_item_at(Vm& vm, const Range* r, uint64_t i) {
  if (!range_is_big(r)) return Value::small_int(r->start + static_cast<int64_t>(i) * r->step);
  BigNum t1, t2;
  BigNum idx = big_from_uint64(i);
  BigNum offset = big_mul(idx.view(), int_view(r->big_step, t1));
  return int_from_big(vm, big_add(int_view(r->big_start, t2), offset.view()));
}

uint64_t range_length_saturated(const Range* r) {
  if (!range_is_big(r)) return static_cast<uint64_t>(r->length);
  Value v = r->big_length;
  if (v.is_small_int()) return static_cast<uint64_t>(v.as_small_int());
  BigView b = v.as<BigInt>()->view();
  return b.limbs.size() == 1 ? b.limbs[0] : UINT64_MAX;
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
