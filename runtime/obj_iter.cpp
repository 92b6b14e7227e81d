// runtime/obj_iter.cpp -- Iterators of the built-in containers and the lazy
// builtins enumerate, zip, map, filter, reversed (plus iter(callable, sentinel)).
// Invariants:
//  - iternext returns the item, NULL when exhausted, or EXCEPTION; it never
//    allocates for list/tuple/range iteration (hot loops).
//  - A SeqIter's index is the next position; UINT64_MAX means exhausted, and
//    stays exhausted even if the container grows afterwards (as CPython).
//  - Dict iterators: `byte` is the dict size when iteration started and `step`
//    the number of entries still expected; a size change raises RuntimeError.
//  - FuncIter::iters is always a tuple of iterators (one for enumerate/filter).
//  - A range_iterator only ever iterates a small Range (the interpreter's
//    FOR_ITER fast path relies on it); big ranges get a longrange_iterator.
#include "runtime/obj_iter.h"

#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr uint64_t kDone = UINT64_MAX;

bool is_kind(Value v, TypeKind kind) { return v.is_obj() && v.as_obj()->klass->kind == kind; }

void seq_iter_trace(Obj* self, Tracer& tracer) { tracer.visit(static_cast<SeqIter*>(self)->seq); }

void func_iter_trace(Obj* self, Tracer& tracer) {
  auto* it = static_cast<FuncIter*>(self);
  tracer.visit(it->fn);
  tracer.visit(it->iters);
  tracer.visit(it->count);
}

Value iter_self(Vm&, Value self) { return self; }

// -- Container iterators -----------------------------------------------------

Value list_iter_next(Vm&, Value self) {
  auto* it = self.as<SeqIter>();
  List* l = it->seq.as<List>();
  if (it->index < l->size) return list_item(l, it->index++);
  it->index = kDone;
  return Value::null();
}

Value list_reverse_next(Vm&, Value self) {
  auto* it = self.as<SeqIter>();
  List* l = it->seq.as<List>();
  if (it->index < l->size) return list_item(l, it->index--);  // 0 - 1 wraps to kDone
  it->index = kDone;
  return Value::null();
}

Value tuple_iter_next(Vm&, Value self) {
  auto* it = self.as<SeqIter>();
  Tuple* t = it->seq.as<Tuple>();
  if (it->index < t->size) return t->items[it->index++];
  it->index = kDone;
  return Value::null();
}

Value range_iter_next(Vm&, Value self) {
  auto* it = self.as<SeqIter>();
  Range* r = it->seq.as<Range>();
  if (it->index < static_cast<uint64_t>(r->length)) {
    return Value::small_int(r->start + static_cast<int64_t>(it->index++) * r->step);
  }
  it->index = kDone;
  return Value::null();
}

// A big range's iterator (longrange_iterator): items are computed exactly.
Value longrange_iter_next(Vm& vm, Value self) {
  auto* it = self.as<SeqIter>();
  Range* r = it->seq.as<Range>();
  if (it->index == kDone || it->index >= range_length_saturated(r)) {
    it->index = kDone;
    return Value::null();
  }
  return range_item_at(vm, r, it->index++);  // the index moves before the allocation
}

// Advances a dict iterator to its next live entry: null at the end (NULL
// result) or on error (EXCEPTION result).
DictEntry* dict_iter_advance(Vm& vm, SeqIter* it, Value* result) {
  *result = Value::null();
  if (it->index == kDone) return nullptr;
  Dict* d = it->seq.as<Dict>();
  if (d->used != it->byte) {
    it->byte = kDone;  // sticky, as CPython
    *result = raise(vm, vm.types.RuntimeError, "dictionary changed size during iteration");
    return nullptr;
  }
  uint64_t pos = it->index;
  DictEntry* e;
  if (!dict_next(d, &pos, &e)) {
    it->index = kDone;
    return nullptr;
  }
  if (it->step <= 0) {
    it->step = -1;
    *result = raise(vm, vm.types.RuntimeError, "dictionary keys changed during iteration");
    return nullptr;
  }
  it->index = pos;
  it->step--;
  return e;
}

Value dict_key_next(Vm& vm, Value self) {
  Value r;
  DictEntry* e = dict_iter_advance(vm, self.as<SeqIter>(), &r);
  return e != nullptr ? e->key : r;
}

Value dict_value_next(Vm& vm, Value self) {
  Value r;
  DictEntry* e = dict_iter_advance(vm, self.as<SeqIter>(), &r);
  return e != nullptr ? e->value : r;
}

Value dict_item_next(Vm& vm, Value self) {
  Value r;
  DictEntry* e = dict_iter_advance(vm, self.as<SeqIter>(), &r);
  if (e == nullptr) return r;
  // The entry stays in the (reachable) dict while the tuple is allocated.
  uint64_t index = self.as<SeqIter>()->index - 1;
  Value t = tuple_new(vm, 2);
  CT_TRY(t);
  DictEntry* live = &self.as<SeqIter>()->seq.as<Dict>()->table->entries()[index];
  t.as<Tuple>()->items[0] = live->key;
  t.as<Tuple>()->items[1] = live->value;
  return t;
}

// reversed(seq) over the sequence protocol: seq[len-1], ..., seq[0].
Value reversed_next(Vm& vm, Value self) {
  auto* it = self.as<SeqIter>();
  if (it->index == kDone) return Value::null();
  Value v = get_item(vm, it->seq, Value::small_int(static_cast<int64_t>(it->index)));
  it = self.as<SeqIter>();
  if (v.is_exception()) {
    if (!is_instance(vm, vm.pending, vm.types.IndexError) && !is_instance(vm, vm.pending, vm.types.StopIteration)) {
      return v;
    }
    vm.pending = Value::null();
    it->index = kDone;
    return Value::null();
  }
  it->index--;  // 0 - 1 wraps to kDone
  return v;
}

// -- enumerate / zip / map / filter ------------------------------------------

Value func_iter_new(Vm& vm, Klass* klass, Value fn, Value iters, Value count) {
  RootValue a(vm, fn), b(vm, iters), c(vm, count);
  auto* it = vm.alloc<FuncIter>(klass);
  if (it == nullptr) return Value::exception();
  it->fn = a;
  it->iters = b;
  it->count = c;
  it->strict = 0;
  return Value::object(it);
}

// A tuple holding iter(x) for each of [sources].
Value iter_tuple(Vm& vm, std::span<const Value> sources) {
  Value t = tuple_new(vm, sources.size());
  CT_TRY(t);
  RootValue rt(vm, t);
  for (size_t i = 0; i < sources.size(); i++) {
    Value it = get_iter(vm, sources[i]);
    CT_TRY(it);
    rt.get().as<Tuple>()->items[i] = it;
  }
  return rt;
}

Value first_iter(Value self) { return self.as<FuncIter>()->iters.as<Tuple>()->items[0]; }

Value enumerate_next(Vm& vm, Value self) {
  RootValue rs(vm, self);
  Value item = iter_next(vm, first_iter(self));
  if (item.is_exception() || item.is_null()) return item;
  RootValue ri(vm, item);
  Value t = tuple_new(vm, 2);
  CT_TRY(t);
  auto* it = rs.get().as<FuncIter>();
  t.as<Tuple>()->items[0] = it->count;
  t.as<Tuple>()->items[1] = ri;
  RootValue rt(vm, t);
  Value c = it->count;
  if (c.is_small_int() && Value::fits_small_int(c.as_small_int() + 1)) {
    it->count = Value::small_int(c.as_small_int() + 1);
  } else {
    Value next = binary_op(vm, c, Value::small_int(1), BinOp::ADD);
    CT_TRY(next);
    rs.get().as<FuncIter>()->count = next;
  }
  return rt;
}

std::string arg_range_text(size_t i) {
  return i == 1 ? "argument 1" : "arguments 1-" + std::to_string(i);
}

// zip(strict=True) found iterator [i] exhausted first; checks the others.
Value zip_strict_end(Vm& vm, Value iters, size_t i) {
  RootValue r(vm, iters);
  Tuple* t = iters.as<Tuple>();
  if (i > 0) {
    return raise(vm, vm.types.ValueError,
                 "zip() argument " + std::to_string(i + 1) + " is shorter than " + arg_range_text(i));
  }
  for (size_t j = 1; j < t->size; j++) {
    Value v = iter_next(vm, r.get().as<Tuple>()->items[j]);
    CT_TRY(v);
    if (!v.is_null()) {
      return raise(vm, vm.types.ValueError,
                   "zip() argument " + std::to_string(j + 1) + " is longer than " + arg_range_text(j));
    }
  }
  return Value::null();
}

Value zip_next(Vm& vm, Value self) {
  RootValue rs(vm, self);
  uint64_t n = self.as<FuncIter>()->iters.as<Tuple>()->size;
  if (n == 0) return Value::null();
  Value t = tuple_new(vm, n);
  CT_TRY(t);
  RootValue rt(vm, t);
  for (uint64_t i = 0; i < n; i++) {
    auto* it = rs.get().as<FuncIter>();
    Value v = iter_next(vm, it->iters.as<Tuple>()->items[i]);
    CT_TRY(v);
    if (v.is_null()) {
      it = rs.get().as<FuncIter>();
      return it->strict ? zip_strict_end(vm, it->iters, i) : Value::null();
    }
    rt.get().as<Tuple>()->items[i] = v;
  }
  return rt;
}

Value map_next(Vm& vm, Value self) {
  RootValue rs(vm, self);
  Tuple* iters = self.as<FuncIter>()->iters.as<Tuple>();
  uint64_t n = iters->size;
  if (vm.sp + n + 1 >= vm.stack_limit) return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  // Arguments live on the VM stack so they stay rooted during the call.
  Value* base = vm.sp;
  for (uint64_t i = 0; i < n; i++) base[i] = Value::null();
  vm.sp = base + n;
  Value result = Value::null();
  for (uint64_t i = 0; i < n; i++) {
    Value v = iter_next(vm, rs.get().as<FuncIter>()->iters.as<Tuple>()->items[i]);
    if (v.is_exception() || v.is_null()) {
      vm.sp = base;
      return v;
    }
    base[i] = v;
  }
  result = call(vm, rs.get().as<FuncIter>()->fn, CallArgs{std::span<const Value>(base, n), {}, nullptr});
  vm.sp = base;
  return result;
}

Value filter_next(Vm& vm, Value self) {
  RootValue rs(vm, self);
  for (;;) {
    Value item = iter_next(vm, first_iter(rs));
    if (item.is_exception() || item.is_null()) return item;
    RootValue ri(vm, item);
    Value fn = rs.get().as<FuncIter>()->fn;
    int ok;
    if (fn.is_none()) {
      ok = truthy(vm, item);
    } else {
      Value r = call1(vm, fn, item);
      CT_TRY(r);
      RootValue rr(vm, r);
      ok = truthy(vm, r);
    }
    if (ok < 0) return Value::exception();
    if (ok) return ri;
  }
}

// iter(callable, sentinel): fn is the callable (NULL once exhausted), count the sentinel.
Value callable_iter_next(Vm& vm, Value self) {
  RootValue rs(vm, self);
  Value fn = self.as<FuncIter>()->fn;
  if (fn.is_null()) return Value::null();
  Value v = call0(vm, fn);
  if (v.is_exception()) {
    if (!is_instance(vm, vm.pending, vm.types.StopIteration)) return v;
    vm.pending = Value::null();
    rs.get().as<FuncIter>()->fn = Value::null();
    return Value::null();
  }
  RootValue rv(vm, v);
  int eq = equals(vm, v, rs.get().as<FuncIter>()->count);
  if (eq < 0) return Value::exception();
  if (eq == 0) return rv;
  rs.get().as<FuncIter>()->fn = Value::null();
  return Value::null();
}

// -- Constructors ------------------------------------------------------------

Value raise_type(Vm& vm, const std::string& msg) { return raise(vm, vm.types.TypeError, msg); }

// Finds keyword [name]; raises "'x' is an invalid keyword argument for f()" for others.
bool only_kwargs(Vm& vm, const CallArgs& args, const char* fname, const char* a, const char* b) {
  for (uint64_t i = 0; args.kwnames != nullptr && i < args.kwnames->size; i++) {
    std::string_view name = args.kwnames->items[i].as<Str>()->view();
    if ((a != nullptr && name == a) || (b != nullptr && name == b)) continue;
    raise_type(vm, "'" + std::string(name) + "' is an invalid keyword argument for " + fname + "()");
    return false;
  }
  return true;
}

Value enumerate_construct(Vm& vm, const CallArgs& args) {
  if (!only_kwargs(vm, args, "enumerate", "iterable", "start")) return Value::exception();
  size_t total = args.positional.size() + args.kwvalues.size();
  if (total > 2) return raise_type(vm, "enumerate() takes at most 2 arguments (" + std::to_string(total) + " given)");
  Value iterable = args.positional.empty() ? kwarg(args, "iterable") : args.positional[0];
  Value start = args.positional.size() > 1 ? args.positional[1] : kwarg(args, "start");
  if (iterable.is_null()) return raise_type(vm, "enumerate() missing required argument 'iterable'");
  if (start.is_null()) start = Value::small_int(0);
  if (start.is_bool()) start = Value::small_int(start.as_bool());
  if (!is_int(vm, start)) {
    return raise_type(vm, "'" + std::string(type_name(vm, start)) + "' object cannot be interpreted as an integer");
  }
  Value iters = iter_tuple(vm, std::span<const Value>(&iterable, 1));
  CT_TRY(iters);
  return func_iter_new(vm, vm.types.enumerate, Value::none(), iters, start);
}

Value zip_construct(Vm& vm, const CallArgs& args) {
  if (!only_kwargs(vm, args, "zip", "strict", nullptr)) return Value::exception();
  int strict = 0;
  Value s = kwarg(args, "strict");
  if (!s.is_null()) {
    strict = truthy(vm, s);
    if (strict < 0) return Value::exception();
  }
  Value iters = iter_tuple(vm, args.positional);
  CT_TRY(iters);
  Value z = func_iter_new(vm, vm.types.zip, Value::none(), iters, Value::none());
  CT_TRY(z);
  z.as<FuncIter>()->strict = static_cast<uint8_t>(strict);
  return z;
}

Value map_construct(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "map")) return Value::exception();
  if (args.positional.size() < 2) return raise_type(vm, "map() must have at least two arguments.");
  Value iters = iter_tuple(vm, args.positional.subspan(1));
  CT_TRY(iters);
  return func_iter_new(vm, vm.types.map, args.positional[0], iters, Value::none());
}

Value filter_construct(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "filter")) return Value::exception();
  if (args.positional.size() != 2) {
    return raise_type(vm, "filter expected 2 arguments, got " + std::to_string(args.positional.size()));
  }
  Value iters = iter_tuple(vm, args.positional.subspan(1));
  CT_TRY(iters);
  return func_iter_new(vm, vm.types.filter, args.positional[0], iters, Value::none());
}

// iter(callable, sentinel) (for the `iter` builtin: call the type with both).
Value callable_iter_construct(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 2) {
    return raise_type(vm, "iter expected 2 arguments, got " + std::to_string(args.positional.size()));
  }
  Klass* k = type_of(vm, args.positional[0]);
  bool callable = false;
  for (Klass* c = k; c != nullptr && !callable; c = c->base) callable = c->call != nullptr;
  callable = callable || k == vm.types.function || k == vm.types.native || k == vm.types.method || k == vm.types.type;
  if (!callable) return raise_type(vm, "iter(v, w): v must be callable");
  return func_iter_new(vm, vm.types.callable_iterator, args.positional[0], Value::none(), args.positional[1]);
}

// reversed(dict): the keys, newest first.
Value reversed_dict(Vm& vm, Value d) {
  Value l = list_new(vm, d.as<Dict>()->used);
  CT_TRY(l);
  RootValue rl(vm, l);
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(d.as<Dict>(), &pos, &e)) {
    if (!list_append(vm, rl.get().as<List>(), e->key)) return Value::exception();
  }
  return seq_iter_new(vm, vm.types.list_reverseiterator, rl, rl.get().as<List>()->size - 1, -1);
}

// True when [k] supports the sequence protocol reversed() falls back to.
bool has_seq_protocol(Klass* k) {
  bool item = false, len = false;
  for (Klass* c = k; c != nullptr; c = c->base) {
    item = item || c->getitem != nullptr;
    len = len || c->len != nullptr;
  }
  return item && len && k->kind != TypeKind::DICT;
}

Value reversed_construct(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "reversed")) return Value::exception();
  if (args.positional.size() != 1) {
    return raise_type(vm, "reversed expected 1 argument, got " + std::to_string(args.positional.size()));
  }
  Value seq = args.positional[0];
  if (is_kind(seq, TypeKind::LIST)) {
    return seq_iter_new(vm, vm.types.list_reverseiterator, seq, seq.as<List>()->size - 1, -1);
  }
  if (is_kind(seq, TypeKind::RANGE)) {
    RootValue rev(vm, range_reversed(vm, seq));
    CT_TRY(rev.get());
    return get_iter(vm, rev);  // range_iterator or longrange_iterator
  }
  if (is_kind(seq, TypeKind::DICT)) return reversed_dict(vm, seq);
  Klass* k = type_of(vm, seq);
  if (k->kind == TypeKind::INSTANCE) {
    Value m = get_attr_opt(vm, seq, str_intern(vm, "__reversed__"));
    CT_TRY(m);
    if (!m.is_null()) {
      RootValue rm(vm, m);
      return call0(vm, m);
    }
  }
  if (!has_seq_protocol(k)) return raise_type(vm, "'" + std::string(type_name(vm, seq)) + "' object is not reversible");
  int64_t n;
  if (!length(vm, seq, &n)) return Value::exception();
  return seq_iter_new(vm, vm.types.reversed, seq, static_cast<uint64_t>(n - 1), -1);
}

// it.__next__(): the next item or StopIteration.
Value m_next(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 1) return raise_type(vm, "expected 0 arguments");
  Value v = iter_next(vm, args.positional[0]);
  if (!v.is_null()) return v;
  Value empty = tuple_new(vm, 0);
  CT_TRY(empty);
  Value exc = exception_with_args(vm, vm.types.StopIteration, empty);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

Value m_iter(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 1) return raise_type(vm, "expected 0 arguments");
  return args.positional[0];
}

void init_iterator(Vm& vm, Klass* k, TraceFn trace, IterNextFn next, NativeFn construct = nullptr) {
  k->trace = trace;
  k->iter = iter_self;
  k->iternext = next;
  k->construct = construct;
  add_method(vm, k, "__next__", m_next);
  add_method(vm, k, "__iter__", m_iter);
}

}  // namespace

Value seq_iter_new(Vm& vm, Klass* klass, Value seq, uint64_t index, int64_t step) {
  RootValue rs(vm, seq);
  auto* it = vm.alloc<SeqIter>(klass);
  if (it == nullptr) return Value::exception();
  it->seq = rs;
  it->index = index;
  it->byte = 0;
  it->step = step;
  if (is_kind(rs, TypeKind::DICT)) {
    it->byte = rs.get().as<Dict>()->used;
    it->step = static_cast<int64_t>(it->byte);
  }
  return Value::object(it);
}

void init_iter_types(Vm& vm) {
  Types& t = vm.types;
  init_iterator(vm, t.list_iterator, seq_iter_trace, list_iter_next);
  init_iterator(vm, t.list_reverseiterator, seq_iter_trace, list_reverse_next);
  init_iterator(vm, t.tuple_iterator, seq_iter_trace, tuple_iter_next);
  init_iterator(vm, t.range_iterator, seq_iter_trace, range_iter_next);
  init_iterator(vm, t.longrange_iterator, seq_iter_trace, longrange_iter_next);
  init_iterator(vm, t.dict_keyiterator, seq_iter_trace, dict_key_next);
  init_iterator(vm, t.dict_valueiterator, seq_iter_trace, dict_value_next);
  init_iterator(vm, t.dict_itemiterator, seq_iter_trace, dict_item_next);
  init_iterator(vm, t.reversed, seq_iter_trace, reversed_next, reversed_construct);
  init_iterator(vm, t.enumerate, func_iter_trace, enumerate_next, enumerate_construct);
  init_iterator(vm, t.zip, func_iter_trace, zip_next, zip_construct);
  init_iterator(vm, t.map, func_iter_trace, map_next, map_construct);
  init_iterator(vm, t.filter, func_iter_trace, filter_next, filter_construct);
  init_iterator(vm, t.callable_iterator, func_iter_trace, callable_iter_next, callable_iter_construct);
}

}  // namespace contrail::runtime
