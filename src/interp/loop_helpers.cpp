// src/interp/loop_helpers.cpp -- Out-of-line helpers of the dispatch loop;
// see src/interp/loop_helpers.h.
#include "src/interp/interp.h"
#include <algorithm>
#include <cstring>
#include <string>
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_generator.h"
#include "runtime/inline_cache.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_set.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/suggest.h"
#include "src/interp/call.h"
#include "src/interp/import.h"
#include "src/interp/loop_helpers.h"

namespace contrail::interp::loop {

using namespace runtime;

// -- Helpers called by the loop (each may raise) ------------------------------

// NameError with CPython's "Did you mean" hint computed from the frame's
// locals, globals and builtins (in that order).
Value name_error(Vm& vm, Str* name, Code* code, Dict* globals) {
  std::string hint;
  auto try_dict = [&](Dict* d) {
    if (d == nullptr || !hint.empty()) return;
    std::vector<std::string_view> names;
    uint64_t pos = 0;
    DictEntry* e;
    while (dict_next(d, &pos, &e))
      if (e->key.is_obj() && e->key.as_obj()->klass == vm.types.str) names.push_back(e->key.as<Str>()->view());
    hint = suggest_name(name->view(), names);
  };
  if (code != nullptr) {
    std::vector<std::string_view> names;
    for (uint64_t i = 0; i < code->varnames->size; ++i) names.push_back(code->varnames->items[i].as<Str>()->view());
    hint = suggest_name(name->view(), names);
  }
  try_dict(globals);
  try_dict(globals != nullptr ? vm.builtins : nullptr);
  Value r = raise(vm, vm.types.NameError, "name '" + std::string(name->view()) + "' is not defined");
  if (!hint.empty() && vm.pending.is_obj() && vm.pending != vm.memory_error) {
    RootValue pending(vm, vm.pending);
    Value h = str_new(vm, hint);
    if (h.is_exception()) return h;
    pending.get().as<Exception>()->hint = h;
    vm.pending = pending;
  }
  return r;
}

Value unbound_local(Vm& vm, Code* code, uint32_t slot) {
  return raise(vm, vm.types.UnboundLocalError,
               "cannot access local variable '" + std::string(code->varnames->items[slot].as<Str>()->view()) +
                   "' where it is not associated with a value");
}

Value unbound_deref(Vm& vm, Code* code, uint32_t i) {
  if (i < code->ncells)
    return raise(vm, vm.types.UnboundLocalError,
                 "cannot access local variable '" + std::string(code->cellvars->items[i].as<Str>()->view()) +
                     "' where it is not associated with a value");
  return raise(vm, vm.types.NameError,
               "cannot access free variable '" +
                   std::string(code->freevars->items[i - code->ncells].as<Str>()->view()) +
                   "' where it is not associated with a value in enclosing scope");
}

Value load_global(Vm& vm, Code* code, Dict* globals, Str* name) {
  Value v = dict_get_str(globals, name);
  if (!v.is_null()) return v;
  v = dict_get_str(vm.builtins, name);
  if (!v.is_null()) return v;
  return name_error(vm, name, code, globals);
}

// Unpacks [seq] into [n] values written to out[n-1] .. out[0] (first item on top).
bool unpack_sequence(Vm& vm, Value seq, uint32_t n, Value* out) {
  if (seq.is_obj() && (seq.as_obj()->klass == vm.types.tuple || seq.as_obj()->klass == vm.types.list)) {
    if (seq.as_obj()->klass == vm.types.list && !list_to_values(vm, seq.as<List>())) return false;
    std::span<Value> items =
        seq.as_obj()->klass == vm.types.tuple ? seq.as<Tuple>()->span() : seq.as<List>()->span();
    if (items.size() != n) {
      if (items.size() < n)
        raise(vm, vm.types.ValueError, "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                                           std::to_string(items.size()) + ")");
      else
        raise(vm, vm.types.ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
      return false;
    }
    for (uint32_t i = 0; i < n; ++i) out[n - 1 - i] = items[i];
    return true;
  }
  RootValue it(vm, get_iter(vm, seq));
  if (it.get().is_exception()) {
    if (vm.pending.is_obj() && vm.pending.as_obj()->klass == vm.types.TypeError) {
      vm.pending = Value::null();
      raise(vm, vm.types.TypeError, "cannot unpack non-iterable " + std::string(type_name(vm, seq)) + " object");
    }
    return false;
  }
  std::fill(out, out + n, Value::none());
  for (uint32_t i = 0; i < n; ++i) {
    Value v = iter_next(vm, it);
    if (v.is_exception()) return false;
    if (v.is_null()) {
      raise(vm, vm.types.ValueError, "not enough values to unpack (expected " + std::to_string(n) + ", got " +
                                         std::to_string(i) + ")");
      return false;
    }
    out[n - 1 - i] = v;
  }
  Value extra = iter_next(vm, it);
  if (extra.is_exception()) return false;
  if (!extra.is_null()) {
    raise(vm, vm.types.ValueError, "too many values to unpack (expected " + std::to_string(n) + ")");
    return false;
  }
  return true;
}

// UNPACK_EX: [before] items, a list of the rest, [after] items; first on top.
bool unpack_ex(Vm& vm, Value seq, uint32_t before, uint32_t after, Value* out) {
  RootValue list(vm, list_new(vm));
  if (list.get().is_exception()) return false;
  RootValue it(vm, get_iter(vm, seq));
  if (it.get().is_exception()) {
    if (vm.pending.is_obj() && vm.pending.as_obj()->klass == vm.types.TypeError) {
      vm.pending = Value::null();
      raise(vm, vm.types.TypeError, "cannot unpack non-iterable " + std::string(type_name(vm, seq)) + " object");
    }
    return false;
  }
  for (;;) {
    Value v = iter_next(vm, it);
    if (v.is_exception()) return false;
    if (v.is_null()) break;
    if (!list_append(vm, list.get().as<List>(), v)) return false;
  }
  List* l = list.get().as<List>();
  if (l->size < before + after) {
    raise(vm, vm.types.ValueError, "not enough values to unpack (expected at least " +
                                       std::to_string(before + after) + ", got " + std::to_string(l->size) + ")");
    return false;
  }
  uint32_t total = before + 1 + after;
  std::fill(out, out + total, Value::none());
  for (uint32_t i = 0; i < before; ++i) out[total - 1 - i] = l->items()[i];
  uint64_t rest = l->size - before - after;
  for (uint32_t i = 0; i < after; ++i) out[after - 1 - i] = l->items()[before + rest + i];
  Value mid = list_new(vm, rest);
  if (mid.is_exception()) return false;
  l = list.get().as<List>();
  for (uint64_t i = 0; i < rest; ++i) mid.as<List>()->items()[i] = l->items()[before + i];
  mid.as<List>()->size = rest;
  out[after] = mid;
  return true;
}

// The loop's handlers end in computed gotos, which skip C++ destructors, so
// every handler that needs a Root calls a helper like these that owns it.
// [out] holds the sequence on entry; items are written over it and above it.
bool unpack_sequence_into(Vm& vm, Value* out, uint32_t n) {
  RootValue seq(vm, *out);
  std::fill(out, out + n, Value::none());
  vm.sp = out + n;
  return unpack_sequence(vm, seq, n, out);
}

bool unpack_ex_into(Vm& vm, Value* out, uint32_t before, uint32_t after) {
  RootValue seq(vm, *out);
  uint32_t total = before + after + 1;
  std::fill(out, out + total, Value::none());
  vm.sp = out + total;
  return unpack_ex(vm, seq, before, after, out);
}

Value build_string(Vm& vm, const Value* parts, uint32_t n) {
  std::string s;
  for (uint32_t i = 0; i < n; ++i) s.append(parts[i].as<Str>()->view());
  return str_new(vm, s);
}

Value build_map(Vm& vm, Value* items, uint32_t n) {
  RootValue d(vm, dict_new(vm));
  if (d.get().is_exception()) return d;
  for (uint32_t i = 0; i < n; ++i)
    if (!dict_set(vm, d.get().as<Dict>(), items[2 * i], items[2 * i + 1])) return Value::exception();
  return d;
}

Value make_function(Vm& vm, Frame* frame, uint32_t flags, Value* sp_after) {
  // Stack (top last): [defaults? kwdefaults? closure? code]; sp_after points one past code.
  Value* p = sp_after - 1;
  Code* code = p->as<Code>();
  Value closure = Value::null(), kwdefaults = Value::null(), defaults = Value::null();
  if (flags & kFnClosure) closure = *--p;
  if (flags & kFnKwDefaults) kwdefaults = *--p;
  if (flags & kFnDefaults) defaults = *--p;
  Function* f = vm.alloc<Function>(vm.types.function);
  if (f == nullptr) return Value::exception();
  code = (sp_after - 1)->as<Code>();
  f->code = code;
  f->globals = frame->globals;
  f->defaults = defaults.is_null() ? nullptr : defaults.as<Tuple>();
  f->kwdefaults = kwdefaults.is_null() ? nullptr : kwdefaults.as<Dict>();
  f->closure = closure.is_null() ? nullptr : closure.as<Tuple>();
  f->name = code->name;
  f->qualname = code->qualname;
  Value mod = dict_get_str(frame->globals, vm.names.dunder_name);
  f->module = mod.is_null() ? Value::none() : mod;
  return Value::object(f);
}

// Normalises the operand of `raise`: a class is instantiated; anything that is
// not an exception is a TypeError.
Value make_raisable(Vm& vm, Value v) {
  if (v.is_obj() && v.as_obj()->klass == vm.types.type &&
      klass_is_subclass(v.as<Klass>(), vm.types.BaseException))
    return call0(vm, v);
  if (is_instance(vm, v, vm.types.BaseException)) return v;
  return raise(vm, vm.types.TypeError, "exceptions must derive from BaseException");
}

Value do_raise(Vm& vm, Value exc, Value cause) {
  RootValue rcause(vm, cause);
  RootValue e(vm, make_raisable(vm, exc));
  if (e.get().is_exception()) return e;
  if (!cause.is_null()) {
    Value c = cause.is_none() ? Value::none() : make_raisable(vm, cause);
    if (c.is_exception()) return c;
    e.get().as<Exception>()->cause = c;
    e.get().as<Exception>()->suppress_context = 1;
  }
  return raise_value(vm, e);
}

int check_exc_match(Vm& vm, Value exc, Value type) {
  auto matches = [&](Value t) -> int {
    if (!(t.is_obj() && t.as_obj()->klass == vm.types.type && klass_is_subclass(t.as<Klass>(), vm.types.BaseException))) {
      raise(vm, vm.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return is_instance(vm, exc, t.as<Klass>()) ? 1 : 0;
  };
  if (type.is_obj() && type.as_obj()->klass == vm.types.tuple) {
    Tuple* t = type.as<Tuple>();
    for (uint64_t i = 0; i < t->size; ++i) {
      int m = matches(t->items[i]);
      if (m != 0) return m;
    }
    return 0;
  }
  return matches(type);
}

// Appends a traceback entry for [code] at [line] to the pending exception.
void add_traceback(Vm& vm, Code* code, int line) {
  if (!vm.pending.is_obj() || vm.pending == vm.memory_error) return;
  Root<Code> rc(vm, code);
  Traceback* tb = vm.alloc<Traceback>(vm.types.traceback);
  if (tb == nullptr) return;
  Exception* e = vm.pending.as<Exception>();
  tb->next = e->traceback;
  tb->code = rc;
  tb->line = line;
  e->traceback = tb;
}

const ExceptionRange* find_handler(Code* code, uint32_t pc) {
  const ExceptionRange* table = code->exc_table->as<ExceptionRange>();
  for (uint32_t i = 0; i < code->nexc; ++i)
    if (pc >= table[i].start && pc < table[i].end) return &table[i];
  return nullptr;
}

Value call_ex(Vm& vm, Value callable, Value args, Value kwargs) {
  RootValue rf(vm, callable), ra(vm, args), rk(vm, kwargs);
  if (!(args.is_obj() && args.as_obj()->klass == vm.types.tuple)) {
    Value t = tuple_new(vm, 0);
    if (t.is_exception()) return t;
    RootValue rt(vm, t);
    RootValue it(vm, get_iter(vm, args));
    if (it.get().is_exception()) {
      vm.pending = Value::null();
      return raise(vm, vm.types.TypeError, "argument after * must be an iterable, not " +
                                               std::string(type_name(vm, args)));
    }
    RootValue l(vm, list_new(vm));
    for (;;) {
      Value v = iter_next(vm, it);
      if (v.is_exception()) return v;
      if (v.is_null()) break;
      if (!list_append(vm, l.get().as<List>(), v)) return Value::exception();
    }
    ra.set(tuple_from(vm, l.get().as<List>()->span()));
    if (ra.get().is_exception()) return ra;
  }
  Tuple* t = ra.get().as<Tuple>();
  if (kwargs.is_null() || kwargs.as<Dict>()->used == 0)
    return call(vm, rf, CallArgs{std::span<const Value>(t->items, t->size), {}, nullptr});
  Dict* d = kwargs.as<Dict>();
  RootValue names(vm, tuple_new(vm, d->used));
  if (names.get().is_exception()) return names;
  Value* base = vm.sp;
  uint64_t pos = 0, i = 0;
  DictEntry* e;
  d = rk.get().as<Dict>();
  while (dict_next(d, &pos, &e)) {
    names.get().as<Tuple>()->items[i] = e->key;
    base[i++] = e->value;
  }
  vm.sp = base + i;
  t = ra.get().as<Tuple>();
  Value r = call(vm, rf, CallArgs{std::span<const Value>(t->items, t->size), std::span<const Value>(base, i),
                                  names.get().as<Tuple>()});
  vm.sp = base;
  return r;
}

Value import_from(Vm& vm, Value module, Str* name) {
  Value v = get_attr_opt(vm, module, name);
  if (!v.is_null()) return v;
  if (!vm.pending.is_null()) return Value::exception();
  std::string mod = "?";
  if (module.is_obj() && module.as_obj()->klass == vm.types.module) mod = module.as<Module>()->name->view();
  return raise(vm, vm.types.ImportError, "cannot import name '" + std::string(name->view()) + "' from '" + mod +
                                             "' (unknown location)");
}

bool import_star(Vm& vm, Value module, Dict* globals) {
  if (!(module.is_obj() && module.as_obj()->klass == vm.types.module)) return true;
  Root<Dict> g(vm, globals);
  RootValue m(vm, module);
  Value all = dict_get_str(module.as<Module>()->dict, vm.names.dunder_all);
  if (!all.is_null()) {  // __all__ lists exactly the names to copy
    RootValue names(vm, all);
    RootValue it(vm, get_iter(vm, all));
    if (it.get().is_exception()) return false;
    for (;;) {
      RootValue name(vm, iter_next(vm, it));
      if (name.get().is_exception()) return false;
      if (name.get().is_null()) return true;
      if (!is_instance(vm, name, vm.types.str)) {
        raise(vm, vm.types.TypeError, "Item in __all__ must be str");
        return false;
      }
      Value v = get_attr(vm, m, name.get().as<Str>());
      if (v.is_exception() || !dict_set(vm, g, name, v)) return false;
    }
  }
  Dict* src = module.as<Module>()->dict;
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(m.get().as<Module>()->dict, &pos, &e)) {
    if (!e->key.is_obj() || e->key.as<Str>()->view().starts_with("_")) continue;
    if (!dict_set(vm, g, e->key, e->value)) return false;
    src = m.get().as<Module>()->dict;
  }
  (void)src;
  return true;
}

Value with_enter(Vm& vm, Value mgr, Value* exit_out) {
  static constexpr const char* kEnter = "__enter__";
  static constexpr const char* kExit = "__exit__";
  RootValue rm(vm, mgr);
  RootValue exit(vm, get_attr_opt(vm, mgr, str_intern(vm, kExit)));
  if (exit.get().is_null()) {
    if (!vm.pending.is_null()) return Value::exception();
    return raise(vm, vm.types.TypeError, "'" + std::string(type_name(vm, mgr)) +
                                             "' object does not support the context manager protocol");
  }
  RootValue enter(vm, get_attr(vm, rm, str_intern(vm, kEnter)));
  if (enter.get().is_exception()) return enter;
  *exit_out = exit;
  return call0(vm, enter);
}

// -- Inline caches ---------------------------------------------------------------

bool is_shape_instance(Value obj, Klass* k) {
  return (k->flags & kKlassUser) && k->kind == TypeKind::INSTANCE && obj.as<Instance>()->shape != nullptr;
}

bool is_data_descriptor(Vm& vm, Value v) { return v.is_obj() && v.as_obj()->klass == vm.types.property; }

// After a successful LOAD_ATTR: cache (class, shape) -> slot when the value
// came from the instance's own storage.
void fill_load_attr(Vm& vm, InlineCache* ic, Value obj, Str* name) {
  if (!obj.is_obj()) return;
  Klass* k = obj.as_obj()->klass;
  if (!is_shape_instance(obj, k)) return;
  Instance* inst = obj.as<Instance>();
  Value idx = dict_get_str(inst->shape->index, name);
  if (idx.is_null() || is_data_descriptor(vm, mro_lookup(vm, k, name))) return;
  *ic = InlineCache{k, inst->shape, nullptr, nullptr, Value::null(), 0,
                    static_cast<uint32_t>(idx.as_small_int()), vm.class_epoch};
}

// After a successful STORE_ATTR: cache the in-place store or the shape
// transition it performed.
void fill_store_attr(Vm& vm, InlineCache* ic, Value obj, Str* name, Shape* before) {
  if (before == nullptr || !obj.is_obj()) return;
  Klass* k = obj.as_obj()->klass;
  if (!is_shape_instance(obj, k)) return;
  if (is_data_descriptor(vm, mro_lookup(vm, k, name))) return;
  Value hook = mro_lookup(vm, k, vm.names.dunder_setattr);
  if (hook.is_obj() && hook.as_obj()->klass == vm.types.function) return;
  Shape* after = obj.as<Instance>()->shape;
  Value idx = dict_get_str(after->index, name);
  if (idx.is_null()) return;
  if (after != before && !(after->parent == before && after->name == name)) return;
  *ic = InlineCache{k, before, after == before ? nullptr : after, nullptr, Value::null(), 0,
                    static_cast<uint32_t>(idx.as_small_int()), vm.class_epoch};
}

// -- Class instantiation -----------------------------------------------------------

Frame* push_init_frame(Vm& vm, Value* fslot, size_t npos, bool* simple) {
  Function* init = simple_init_of(vm, fslot[0].as<Klass>());
  *simple = init != nullptr;
  if (init == nullptr) return nullptr;
  Value obj = plain_instance_new(vm, fslot[0].as<Klass>());
  if (obj.is_exception()) return nullptr;
  fslot[1] = obj;
  fslot[0] = obj;  // the class stays alive through obj's klass
  Frame* f = push_frame(vm, init, fslot + 1, npos + 1, 0, nullptr, fslot, false);
  if (f != nullptr) f->is_init = 1;
  return f;
}

void raise_init_result(Vm& vm, Value result) {
  raise(vm, vm.types.TypeError, "__init__() should return None, not '" + std::string(type_name(vm, result)) + "'");
}

// -- Generators ------------------------------------------------------------------

// Moves the current frame's values into a new generator (RETURN_GENERATOR).
Value make_generator(Vm& vm, Frame* frame, const uint32_t* pc, Value* sp) {
  Code* code = frame->code;
  uint32_t nslots = code->nlocals + code->ncells + code->nfree;
  ValueArray* a = value_array_new(vm, nslots + code->max_stack);
  if (a == nullptr) return Value::exception();
  RootValue ra(vm, Value::object(a));
  Generator* g = vm.alloc<Generator>(vm.types.generator);
  if (g == nullptr) return Value::exception();
  a = ra.get().as<ValueArray>();
  std::copy(frame->locals, sp, a->items);
  g->func = frame->func;
  g->code = code;
  g->globals = frame->globals;
  g->frame = a;
  g->pc = static_cast<uint32_t>(pc - code->code());
  g->stack_depth = static_cast<uint32_t>(sp - frame->stack_base);
  g->state = kGenCreated;
  return Value::object(g);
}

// Saves a suspending generator frame (YIELD_VALUE).
void save_generator(Frame* frame, const uint32_t* pc, Value* sp) {
  Generator* g = static_cast<Generator*>(frame->gen);
  std::copy(frame->locals, sp, g->frame->items);
  g->pc = static_cast<uint32_t>(pc - frame->code->code());
  g->stack_depth = static_cast<uint32_t>(sp - frame->stack_base);
  g->state = kGenSuspended;
}

// One step of `yield from`: sends [v] to [it]. The yielded value, or NULL
// with the sub-iterator's return value in *[returned], or EXCEPTION.
Value send_to(Vm& vm, Value it, Value v, Value* returned) {
  if (it.is_obj() && it.as_obj()->klass == vm.types.generator)
    return vm.resume_generator(vm, it.as_obj(), v, Value::null(), returned);
  if (v.is_none()) {
    Value r = iter_next(vm, it);
    if (r.is_null()) *returned = Value::none();
    return r;
  }
  RootValue rv(vm, v);
  RootValue send(vm, get_attr(vm, it, str_intern(vm, "send")));
  if (send.get().is_exception()) return Value::exception();
  Value r = call1(vm, send, rv);
  if (r.is_exception() && is_instance(vm, vm.pending, vm.types.StopIteration)) {
    Exception* e = vm.pending.as<Exception>();
    *returned = (e->args && e->args->size > 0) ? e->args->items[0] : Value::none();
    vm.pending = Value::null();
    return Value::null();
  }
  return r;
}

}  // namespace contrail::interp::loop
