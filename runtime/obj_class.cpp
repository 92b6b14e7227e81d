// runtime/obj_class.cpp -- User classes: creation (C3 MRO, layout from the
// solid built-in base), special-method slots, instantiation (__new__ /
// __init__), attribute access on type objects, super, __build_class__, and
// the operator dispatch rules for dunder methods (reflected operands,
// NotImplemented, subclass priority) that runtime/ops.cpp defers to.
// Invariant: a user class's slots are recomputed whenever a dunder attribute
// of the class is assigned, so slot dispatch always agrees with the MRO.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/bigint_ops.h"
#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_set.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/user_ops.h"

namespace contrail::runtime {

Value instance_getattr(Vm& vm, Value obj, Str* name);
bool instance_setattr(Vm& vm, Value obj, Str* name, Value v);
TraceFn instance_trace_fn();
void init_instance_types(Vm& vm);

namespace {

// [s] must be a string literal (its address is the cache key).
Str* intern(Vm& vm, const char* s) {
  auto it = vm.literal_names.find(s);
  if (it != vm.literal_names.end()) return it->second;
  Str* n = str_intern(vm, s);
  vm.literal_names.emplace(s, n);
  return n;
}

std::string quoted(Klass* k) { return "'" + std::string(k->name->view()) + "'"; }

bool is_type(Vm& vm, Value v) { return v.is_obj() && v.as_obj()->klass == vm.types.type; }

// [name] in the dicts of the user classes of [k]'s MRO only: built-in
// behaviour stays with the built-in slots.
Value user_lookup_uncached(Klass* k, Str* name) {
  for (uint64_t i = 0; i < k->mro->size; ++i) {
    Klass* c = k->mro->items[i].as<Klass>();
    if (!(c->flags & kKlassUser)) continue;
    Value v = dict_get_str(c->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}

// The Vm::mro_cache entry of (class, name). Multiplicative hashing: objects of
// one size class share their low address bits (GC v2 blocks), so shifting
// and xor-ing addresses would crowd a few entries.
Vm::MroCacheEntry& mro_cache_entry(Vm& vm, const Klass* k, const Str* name) {
  uint64_t h = reinterpret_cast<uintptr_t>(k) * 0x9E3779B97F4A7C15ull ^
               reinterpret_cast<uintptr_t>(name) * 0xC2B2AE3D27D4EB4Full;
  return vm.mro_cache[(h >> 40) & (Vm::kMroCacheSize - 1)];
}

// user_lookup through Vm::mro_cache, keyed with the name pointer's low bit
// set so its entries never collide with mro_lookup's.
Value user_lookup(Vm& vm, Klass* k, Str* name) {
  if (!(k->flags & kKlassUser)) return Value::null();
  const Str* key = reinterpret_cast<const Str*>(reinterpret_cast<uintptr_t>(name) | 1);
  Vm::MroCacheEntry& e = mro_cache_entry(vm, k, key);
  if (e.klass == k && e.name == key && e.epoch == vm.class_epoch) return e.value;
  Value v = user_lookup_uncached(k, name);
  e = Vm::MroCacheEntry{k, key, v, vm.class_epoch};
  return v;
}

// Calls [f] (an unbound function or descriptor found on a type) with
// [self] prepended to [args].
Value call_unbound(Vm& vm, Value f, Value self, std::span<const Value> args) {
  CRecursion guard(vm, " while calling a Python object");  // a C++ -> Python call, as CPython counts it
  if (!guard.ok()) return Value::exception();
  CallArgs ca{args, {}, nullptr};
  if (f.is_obj() && f.as_obj()->klass == vm.types.staticmethod) {
    // Copy the arguments onto the VM stack (they may live in C++ locals).
    Value* base = vm.sp;
    std::copy(args.begin(), args.end(), base);
    base[args.size()] = f;
    vm.sp = base + args.size() + 1;
    Value r = call(vm, f.as<MethodWrapper>()->func, CallArgs{std::span<const Value>(base, args.size()), {}, nullptr});
    vm.sp = base;
    return r;
  }
  if (f.is_obj() && f.as_obj()->klass == vm.types.classmethod)
    return call_with_self(vm, f.as<MethodWrapper>()->func, Value::object(type_of(vm, self)), ca);
  return call_with_self(vm, f, self, ca);
}

Value special(Vm& vm, Value self, const char* name, std::span<const Value> args = {}) {
  Value f = mro_lookup(vm, type_of(vm, self), intern(vm, name));
  if (f.is_null()) return Value::null();
  return call_unbound(vm, f, self, args);
}

// -- Slot trampolines -----------------------------------------------------------

Value slot_repr(Vm& vm, Value self) {
  Value r = special(vm, self, "__repr__");
  if (r.is_exception() || r.is_null()) return r.is_null() ? Value::exception() : r;
  if (!is_instance(vm, r, vm.types.str))
    return raise(vm, vm.types.TypeError, "__repr__ returned non-string (type " + std::string(type_name(vm, r)) + ")");
  return r;
}

Value slot_str(Vm& vm, Value self) {
  Value r = special(vm, self, "__str__");
  if (r.is_exception()) return r;
  if (!is_instance(vm, r, vm.types.str))
    return raise(vm, vm.types.TypeError, "__str__ returned non-string (type " + std::string(type_name(vm, r)) + ")");
  return r;
}

bool slot_hash(Vm& vm, Value self, int64_t* out) {
  Value f = mro_lookup(vm, type_of(vm, self), intern(vm, "__hash__"));
  if (f.is_none()) {
    raise(vm, vm.types.TypeError, "unhashable type: " + quoted(type_of(vm, self)));
    return false;
  }
  Value r = call_unbound(vm, f, self, {});
  if (r.is_exception()) return false;
  if (!is_int_like(vm, r)) {
    raise(vm, vm.types.TypeError, "__hash__ method should return an integer");
    return false;
  }
  return hash_value(vm, r, out);
}

int slot_truth(Vm& vm, Value self) {
  Value r = special(vm, self, "__bool__");
  if (r.is_exception()) return -1;
  if (!r.is_null()) {
    if (!r.is_bool()) {
      raise(vm, vm.types.TypeError, "__bool__ should return bool, returned " + std::string(type_name(vm, r)));
      return -1;
    }
    return r.as_bool();
  }
  r = special(vm, self, "__len__");
  if (r.is_exception()) return -1;
  if (r.is_null()) return 1;
  return truthy(vm, r);
}

bool slot_len(Vm& vm, Value self, int64_t* out) {
  Value r = special(vm, self, "__len__");
  if (r.is_exception()) return false;
  if (!is_int_like(vm, r)) {
    raise(vm, vm.types.TypeError, "'" + std::string(type_name(vm, r)) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (!int_to_int64(r, out)) {
    raise(vm, vm.types.OverflowError, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  if (*out < 0) {
    raise(vm, vm.types.ValueError, "__len__() should return >= 0");
    return false;
  }
  return true;
}

Value slot_getitem(Vm& vm, Value self, Value key) { return special(vm, self, "__getitem__", {&key, 1}); }

bool slot_setitem(Vm& vm, Value self, Value key, Value value) {
  Value args[2] = {key, value};
  Value r = value.is_null() ? special(vm, self, "__delitem__", {args, 1}) : special(vm, self, "__setitem__", args);
  if (r.is_null()) {
    raise(vm, vm.types.TypeError, quoted(type_of(vm, self)) +
                                      (value.is_null() ? " object doesn't support item deletion"
                                                       : " object does not support item assignment"));
    return false;
  }
  return !r.is_exception();
}

int slot_contains(Vm& vm, Value self, Value item) {
  Value r = special(vm, self, "__contains__", {&item, 1});
  if (r.is_exception()) return -1;
  return truthy(vm, r);
}

Value slot_iter(Vm& vm, Value self) {
  Value r = special(vm, self, "__iter__");
  if (r.is_exception()) return r;
  if (r.is_null()) {  // sequence protocol through __getitem__
    return seq_iter_new(vm, vm.types.seq_iterator, self, 0, 1);
  }
  Klass* k = type_of(vm, r);
  bool ok = false;
  for (Klass* c = k; c != nullptr && !ok; c = c->base) ok = c->iternext != nullptr;
  if (!ok) return raise(vm, vm.types.TypeError, "iter() returned non-iterator of type " + quoted(k));
  return r;
}

Value slot_iternext(Vm& vm, Value self) {
  Value r = special(vm, self, "__next__");
  if (r.is_exception() && vm.pending.is_obj() && is_instance(vm, vm.pending, vm.types.StopIteration)) {
    vm.pending = Value::null();
    return Value::null();
  }
  return r;
}

Value slot_call(Vm& vm, const CallArgs& args) {
  Value self = args.positional[0];
  Value f = mro_lookup(vm, type_of(vm, self), intern(vm, "__call__"));
  if (f.is_null()) return raise(vm, vm.types.TypeError, quoted(type_of(vm, self)) + " object is not callable");
  return call(vm, f, args);
}

Value slot_neg(Vm& vm, Value self) { return special(vm, self, "__neg__"); }
Value slot_pos(Vm& vm, Value self) { return special(vm, self, "__pos__"); }
Value slot_invert(Vm& vm, Value self) { return special(vm, self, "__invert__"); }

// Sequence iterator over __getitem__ (stops at IndexError / StopIteration).
Value seq_iter_next(Vm& vm, Value self) {
  SeqIter* it = self.as<SeqIter>();
  if (it->seq.is_null()) return Value::null();
  RootValue rs(vm, self);
  Value r = get_item(vm, it->seq, Value::small_int(static_cast<int64_t>(it->index)));
  if (r.is_exception()) {
    if (is_instance(vm, vm.pending, vm.types.IndexError) || is_instance(vm, vm.pending, vm.types.StopIteration)) {
      vm.pending = Value::null();
      rs.get().as<SeqIter>()->seq = Value::null();
      return Value::null();
    }
    return r;
  }
  rs.get().as<SeqIter>()->index++;
  return r;
}

Value iter_self(Vm&, Value self) { return self; }

void trace_seq_iter(Obj* self, Tracer& t) { t.visit(static_cast<SeqIter*>(self)->seq); }

// -- Class creation ---------------------------------------------------------------

// C3 linearisation of [bases]; false (TypeError pending) when inconsistent.
bool c3_merge(Vm& vm, Klass* cls, Tuple* bases, std::vector<Klass*>* out) {
  std::vector<std::vector<Klass*>> seqs;
  for (uint64_t i = 0; i < bases->size; ++i) {
    Klass* b = bases->items[i].as<Klass>();
    std::vector<Klass*> m;
    for (uint64_t j = 0; j < b->mro->size; ++j) m.push_back(b->mro->items[j].as<Klass>());
    seqs.push_back(m);
  }
  std::vector<Klass*> direct;
  for (uint64_t i = 0; i < bases->size; ++i) direct.push_back(bases->items[i].as<Klass>());
  seqs.push_back(direct);
  out->push_back(cls);
  for (;;) {
    bool empty = true;
    for (auto& s : seqs) empty = empty && s.empty();
    if (empty) return true;
    Klass* pick = nullptr;
    for (auto& s : seqs) {
      if (s.empty()) continue;
      Klass* head = s.front();
      bool in_tail = false;
      for (auto& t : seqs)
        if (std::find(t.begin() + (t.empty() ? 0 : 1), t.end(), head) != t.end()) in_tail = true;
      if (!in_tail) {
        pick = head;
        break;
      }
    }
    if (pick == nullptr) {
      std::string names;
      for (uint64_t i = 0; i < bases->size; ++i) {
        if (i) names += ", ";
        names += bases->items[i].as<Klass>()->name->view();
      }
      raise(vm, vm.types.TypeError,
            "Cannot create a consistent method resolution order (MRO) for bases " + names);
      return false;
    }
    out->push_back(pick);
    for (auto& s : seqs)
      if (!s.empty() && s.front() == pick) s.erase(s.begin());
  }
}

Klass* solid_base(Vm& vm, Klass* cls) {
  for (uint64_t i = 0; i < cls->mro->size; ++i) {
    Klass* c = cls->mro->items[i].as<Klass>();
    if (!(c->flags & kKlassUser) && c != vm.types.object) return c;
  }
  return vm.types.object;
}

template <class T>
T inherited(Klass* solid, T Klass::*slot) {
  for (Klass* c = solid; c != nullptr; c = c->base)
    if (c->*slot != nullptr) return c->*slot;
  return nullptr;
}

bool has_dunder(Vm& vm, Klass* k, const char* name) { return !user_lookup(vm, k, intern(vm, name)).is_null(); }

}  // namespace

void update_slots(Vm& vm, Klass* k) {
  Klass* solid = solid_base(vm, k);
  auto pick = [&](auto Klass::*slot, auto trampoline, std::initializer_list<const char*> names) {
    bool found = false;
    for (const char* n : names) found = found || has_dunder(vm, k, n);
    k->*slot = found ? trampoline : inherited(solid, slot);
  };
  pick(&Klass::repr, slot_repr, {"__repr__"});
  pick(&Klass::str, slot_str, {"__str__"});
  pick(&Klass::hash, slot_hash, {"__hash__"});
  pick(&Klass::truth, slot_truth, {"__bool__", "__len__"});
  pick(&Klass::len, slot_len, {"__len__"});
  pick(&Klass::getitem, slot_getitem, {"__getitem__"});
  pick(&Klass::setitem, slot_setitem, {"__setitem__", "__delitem__"});
  pick(&Klass::contains, slot_contains, {"__contains__"});
  pick(&Klass::iter, slot_iter, {"__iter__", "__getitem__"});
  pick(&Klass::iternext, slot_iternext, {"__next__"});
  pick(&Klass::call, slot_call, {"__call__"});
  pick(&Klass::neg, slot_neg, {"__neg__"});
  pick(&Klass::pos, slot_pos, {"__pos__"});
  pick(&Klass::invert, slot_invert, {"__invert__"});
  k->richcompare = inherited(solid, &Klass::richcompare);
  k->binary = inherited(solid, &Klass::binary);
  k->trace = solid == vm.types.object ? instance_trace_fn() : solid->trace;
  k->getattr = instance_getattr;
  k->setattr = instance_setattr;
  k->construct = nullptr;
}

static Value mro_lookup_uncached(Klass* k, Str* name);

Value mro_lookup(Vm& vm, Klass* k, Str* name) {
  Vm::MroCacheEntry& e = mro_cache_entry(vm, k, name);
  if (e.klass == k && e.name == name && e.epoch == vm.class_epoch) return e.value;
  Value v = mro_lookup_uncached(k, name);
  e = Vm::MroCacheEntry{k, name, v, vm.class_epoch};
  return v;
}

Value mro_lookup(Klass* k, Str* name) { return mro_lookup_uncached(k, name); }

static Value mro_lookup_uncached(Klass* k, Str* name) {
  if (k->mro == nullptr) {
    for (; k != nullptr; k = k->base) {
      Value v = k->dict ? dict_get_str(k->dict, name) : Value::null();
      if (!v.is_null()) return v;
    }
    return Value::null();
  }
  for (uint64_t i = 0; i < k->mro->size; ++i) {
    Klass* c = k->mro->items[i].as<Klass>();
    Value v = dict_get_str(c->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}

Value class_new(Vm& vm, Str* name, Tuple* bases_in, Dict* ns_in) {
  Root<Str> rname(vm, name);
  Root<Dict> ns(vm, ns_in);
  RootValue bases(vm, Value::object(bases_in));
  if (bases_in->size == 0) {
    Value obj = Value::object(vm.types.object);
    bases.set(tuple_from(vm, std::span<const Value>(&obj, 1)));
    if (bases.get().is_exception()) return Value::exception();
  }
  Tuple* b = bases.get().as<Tuple>();
  Klass* layout = nullptr;
  for (uint64_t i = 0; i < b->size; ++i) {
    if (!is_type(vm, b->items[i]))
      return raise(vm, vm.types.TypeError, "bases must be types");
    Klass* base = b->items[i].as<Klass>();
    if (!(base->flags & (kKlassBaseType | kKlassUser)))
      return raise(vm, vm.types.TypeError, "type " + quoted(base) + " is not an acceptable base type");
    Klass* s = (base->flags & kKlassUser) ? nullptr : base;
    if (base->flags & kKlassUser) {
      for (uint64_t j = 0; j < base->mro->size; ++j) {
        Klass* c = base->mro->items[j].as<Klass>();
        if (!(c->flags & kKlassUser) && c != vm.types.object) {
          s = c;
          break;
        }
      }
    }
    if (s == nullptr || s == vm.types.object) continue;
    if (layout != nullptr && layout->kind != s->kind && !klass_is_subclass(s, layout) && !klass_is_subclass(layout, s))
      return raise(vm, vm.types.TypeError, "multiple bases have instance lay-out conflict");
    if (layout == nullptr || klass_is_subclass(s, layout)) layout = s;
  }
  Root<Klass> cls(vm, vm.alloc<Klass>(vm.types.type));
  if (cls.get() == nullptr) return Value::exception();
  Klass* k = cls;
  k->flags = kKlassUser | kKlassBaseType;
  k->name = rname;
  k->base = b->items[0].as<Klass>();
  k->bases = b;
  k->module = Value::none();
  Value d = dict_new(vm);
  if (d.is_exception()) return d;
  cls->dict = d.as<Dict>();
  std::vector<Klass*> mro;
  if (!c3_merge(vm, cls, bases.get().as<Tuple>(), &mro)) return Value::exception();
  std::vector<Value> mro_values;
  for (Klass* c : mro) mro_values.push_back(Value::object(c));
  Value m = tuple_from(vm, mro_values);
  if (m.is_exception()) return m;
  cls->mro = m.as<Tuple>();
  Value cell = Value::null();
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(ns, &pos, &e)) {
    std::string_view key = e->key.is_obj() ? e->key.as<Str>()->view() : std::string_view();
    if (key == "__qualname__" && e->value.is_obj()) {
      cls->qualname = e->value.as<Str>();
      continue;
    }
    if (key == "__classcell__") {
      cell = e->value;
      continue;
    }
    if (key == "__module__") cls->module = e->value;
    if (!dict_set(vm, cls->dict, e->key, e->value)) return Value::exception();
  }
  if (!dict_get_str(cls->dict, intern(vm, "__eq__")).is_null() &&
      dict_get_str(cls->dict, intern(vm, "__hash__")).is_null()) {
    if (!dict_set(vm, cls->dict, Value::object(intern(vm, "__hash__")), Value::none())) return Value::exception();
  }
  Klass* solid = layout ? layout : vm.types.object;
  k = cls;
  k->kind = solid == vm.types.object ? TypeKind::INSTANCE : solid->kind;
  k->instance_size = solid == vm.types.object ? sizeof(Instance) : 0;
  switch (solid->kind) {
    case TypeKind::EXCEPTION: k->dict_offset = offsetof(Exception, dict); break;
    case TypeKind::LIST: k->dict_offset = offsetof(List, aux); break;
    case TypeKind::DICT: k->dict_offset = offsetof(Dict, attrs); break;
    case TypeKind::SET: k->dict_offset = offsetof(Set, attrs); break;
    default: k->dict_offset = 0; break;
  }
  update_slots(vm, k);
  if (cell.is_obj() && cell.as_obj()->klass == vm.types.cell) cell.as<Cell>()->value = Value::object(k);
  return Value::object(cls.get());
}

// -- Instantiation ---------------------------------------------------------------------

namespace {

// Allocates an instance of [cls] without running __init__.
Value default_new(Vm& vm, Klass* cls, const CallArgs& args, bool user_init) {
  Klass* solid = solid_base(vm, cls);
  if (solid == vm.types.object) return plain_instance_new(vm, cls);
  NativeFn construct = inherited(solid, &Klass::construct);
  if (construct == nullptr) return raise(vm, vm.types.TypeError, "cannot create " + quoted(cls) + " instances");
  bool mutable_container = solid->kind == TypeKind::LIST || solid->kind == TypeKind::DICT || solid == vm.types.set;
  Value obj = construct(vm, (mutable_container && user_init) ? CallArgs{} : args);
  if (obj.is_exception()) return obj;
  if (!obj.is_obj() || obj.as_obj()->klass->kind != solid->kind)
    return raise(vm, vm.types.TypeError, "subclassing " + quoted(solid) + " is not supported by this runtime");
  RootValue ro(vm, obj);
  if (solid->kind == TypeKind::STR) {  // never retag a shared (interned) str
    ro.set(str_new(vm, obj.as<Str>()->view()));
  } else if (solid->kind == TypeKind::TUPLE) {
    ro.set(tuple_from(vm, obj.as<Tuple>()->span()));
  }
  if (ro.get().is_exception()) return Value::exception();
  ro.get().as_obj()->klass = cls;
  return ro.get();
}

}  // namespace

Value plain_instance_new(Vm& vm, Klass* cls) {
  Root<Klass> rc(vm, cls);
  Instance* inst = vm.alloc<Instance>(cls, sizeof(Instance));
  if (inst == nullptr) return Value::exception();
  inst->shape = static_cast<Shape*>(vm.empty_shape);
  return Value::object(inst);
}

Function* simple_init_of(Vm& vm, Klass* cls) {
  if (!(cls->flags & kKlassUser) || cls->kind != TypeKind::INSTANCE || cls->klass != vm.types.type ||
      solid_base(vm, cls) != vm.types.object)
    return nullptr;
  if (!user_lookup(vm, cls, intern(vm, "__new__")).is_null()) return nullptr;
  Value init = user_lookup(vm, cls, intern(vm, "__init__"));
  if (!init.is_obj() || init.as_obj()->klass != vm.types.function) return nullptr;
  return init.as<Function>();
}

Value class_call(Vm& vm, Klass* cls, const CallArgs& args) {
  Root<Klass> rc(vm, cls);
  Value new_fn = user_lookup(vm, cls, intern(vm, "__new__"));
  Value init = user_lookup(vm, cls, intern(vm, "__init__"));
  RootValue rinit(vm, init);
  RootValue obj(vm);
  if (!new_fn.is_null()) {
    if (new_fn.is_obj() && new_fn.as_obj()->klass == vm.types.staticmethod) new_fn = new_fn.as<MethodWrapper>()->func;
    RootValue rn(vm, new_fn);
    Value* base = vm.sp;
    base[0] = Value::object(cls);
    std::copy(args.positional.begin(), args.positional.end(), base + 1);
    size_t n = args.positional.size() + 1;
    std::copy(args.kwvalues.begin(), args.kwvalues.end(), base + n);
    vm.sp = base + n + args.kwvalues.size();
    obj.set(call(vm, rn, CallArgs{std::span<const Value>(base, n),
                                  std::span<const Value>(base + n, args.kwvalues.size()), args.kwnames}));
    vm.sp = base;
  } else {
    Klass* solid = solid_base(vm, cls);
    if (init.is_null() && solid == vm.types.object && (!args.positional.empty() || !args.kwvalues.empty()))
      return raise(vm, vm.types.TypeError, std::string(cls->name->view()) + "() takes no arguments");
    obj.set(default_new(vm, cls, args, !init.is_null()));
  }
  if (obj.get().is_exception()) return Value::exception();
  if (!is_instance(vm, obj, rc.get())) return obj;
  Klass* solid = solid_base(vm, rc.get());
  if (rinit.get().is_null()) {
    bool mutable_container = solid->kind == TypeKind::LIST || solid->kind == TypeKind::DICT || solid == vm.types.set;
    if (!mutable_container || !new_fn.is_null()) return obj;
    rinit.set(mro_lookup(vm, solid, intern(vm, "__init__")));
    if (rinit.get().is_null()) return obj;
  }
  Value* base = vm.sp;
  base[0] = obj;
  std::copy(args.positional.begin(), args.positional.end(), base + 1);
  size_t n = args.positional.size() + 1;
  std::copy(args.kwvalues.begin(), args.kwvalues.end(), base + n);
  vm.sp = base + n + args.kwvalues.size();
  Value r = call(vm, rinit, CallArgs{std::span<const Value>(base, n),
                                     std::span<const Value>(base + n, args.kwvalues.size()), args.kwnames});
  vm.sp = base;
  if (r.is_exception()) return r;
  if (!r.is_none())
    return raise(vm, vm.types.TypeError, "__init__() should return None, not '" + std::string(type_name(vm, r)) + "'");
  return obj;
}

// -- Dunder operator dispatch ------------------------------------------------------------

Value user_binary(Vm& vm, Value a, Value b, BinOp op) {
  Klass* ka = type_of(vm, a);
  Klass* kb = type_of(vm, b);
  RootValue ra(vm, a), rb(vm, b);
  int o = static_cast<int>(op);
  if (o >= kBinOpInplaceOffset) {
    Value f = user_lookup(vm, ka, intern(vm, binop_dunder(op)));
    if (!f.is_null()) {
      Value r = call_unbound(vm, f, ra, {rb.slot(), 1});
      if (r.is_exception() || r != vm.singleton_not_implemented) return r;
    }
    op = static_cast<BinOp>(o - kBinOpInplaceOffset);
  }
  Value fa = user_lookup(vm, ka, intern(vm, binop_dunder(op)));
  Value fb = kb != ka ? user_lookup(vm, kb, intern(vm, binop_rdunder(op))) : Value::null();
  RootValue rfa(vm, fa), rfb(vm, fb);
  if (!fa.is_null()) {
    if (!fb.is_null() && klass_is_subclass(kb, ka)) {
      Value r = call_unbound(vm, rfb, rb, {ra.slot(), 1});
      if (r.is_exception() || r != vm.singleton_not_implemented) return r;
      rfb.set(Value::null());
    }
    Value r = call_unbound(vm, rfa, ra, {rb.slot(), 1});
    if (r.is_exception() || r != vm.singleton_not_implemented) return r;
  }
  if (!rfb.get().is_null()) {
    Value r = call_unbound(vm, rfb, rb, {ra.slot(), 1});
    if (r.is_exception() || r != vm.singleton_not_implemented) return r;
  }
  return vm.singleton_not_implemented;
}

Value user_compare(Vm& vm, Value a, Value b, CmpOp op) {
  static constexpr const char* kNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  static constexpr CmpOp kSwapped[] = {CmpOp::GT, CmpOp::GE, CmpOp::EQ, CmpOp::NE, CmpOp::LT, CmpOp::LE};
  Klass* ka = type_of(vm, a);
  Klass* kb = type_of(vm, b);
  RootValue ra(vm, a), rb(vm, b);
  int o = static_cast<int>(op);
  Value fa = user_lookup(vm, ka, intern(vm, kNames[o]));
  Value fb = user_lookup(vm, kb, intern(vm, kNames[static_cast<int>(kSwapped[o])]));
  RootValue rfa(vm, fa), rfb(vm, fb);
  if (!fb.is_null() && klass_is_subclass(kb, ka) && kb != ka) {
    Value r = call_unbound(vm, rfb, rb, {ra.slot(), 1});
    if (r.is_exception() || r != vm.singleton_not_implemented) return r;
    rfb.set(Value::null());
  }
  if (!rfa.get().is_null() && !rfa.get().is_none()) {
    Value r = call_unbound(vm, rfa, ra, {rb.slot(), 1});
    if (r.is_exception() || r != vm.singleton_not_implemented) return r;
  }
  if (!rfb.get().is_null() && !rfb.get().is_none()) {
    Value r = call_unbound(vm, rfb, rb, {ra.slot(), 1});
    if (r.is_exception() || r != vm.singleton_not_implemented) return r;
  }
  if (op == CmpOp::NE) {
    Value eq = user_lookup(vm, ka, intern(vm, "__eq__"));
    if (!eq.is_null() && !eq.is_none()) {
      Value r = call_unbound(vm, eq, ra, {rb.slot(), 1});
      if (r.is_exception()) return r;
      if (r != vm.singleton_not_implemented) {
        int t = truthy(vm, r);
        if (t < 0) return Value::exception();
        return Value::boolean(!t);
      }
    }
  }
  return vm.singleton_not_implemented;
}

Value call_special(Vm& vm, Value self, const char* name, std::span<const Value> args) {
  return special(vm, self, name, args);
}

// -- type objects: attributes, calls -----------------------------------------------------

namespace {

Value type_getattr(Vm& vm, Value self, Str* name) {
  Klass* k = self.as<Klass>();
  std::string_view n = name->view();
  if (n == "__name__") return Value::object(k->name);
  if (n == "__qualname__") return Value::object(k->qualname ? k->qualname : k->name);
  if (n == "__mro__") return k->mro ? Value::object(k->mro) : Value::none();
  if (n == "__base__") return k->base ? Value::object(k->base) : Value::none();
  if (n == "__bases__") {
    if (k->bases) return Value::object(k->bases);
    if (k->base == nullptr) return tuple_new(vm, 0);
    Value b = Value::object(k->base);
    return tuple_from(vm, std::span<const Value>(&b, 1));
  }
  if (n == "__dict__") return Value::object(k->dict);
  Value v = mro_lookup(vm, k, name);
  if (!v.is_null()) {
    if (v.is_obj() && v.as_obj()->klass == vm.types.staticmethod) return v.as<MethodWrapper>()->func;
    if (v.is_obj() && v.as_obj()->klass == vm.types.classmethod)
      return bound_method_new(vm, v.as<MethodWrapper>()->func, self);
    return v;
  }
  if (n == "__module__") {
    if (!k->module.is_null() && (k->flags & kKlassUser)) return k->module;
    return Value::object(intern(vm, "builtins"));
  }
  if (n == "__doc__") return Value::none();
  return Value::null();
}

bool type_setattr(Vm& vm, Value self, Str* name, Value v) {
  Klass* k = self.as<Klass>();
  if (!(k->flags & kKlassUser)) {
    raise(vm, vm.types.TypeError, "cannot set '" + std::string(name->view()) + "' attribute of immutable type " +
                                      quoted(k));
    return false;
  }
  Root<Klass> rk(vm, k);
  vm.class_epoch++;
  vm.class_change_epoch++;
  if (v.is_null()) {
    Value old = dict_pop(vm, k->dict, Value::object(name));
    if (old.is_exception()) return false;
    if (old.is_null()) {
      raise(vm, vm.types.AttributeError, "type object " + quoted(k) + " has no attribute '" +
                                             std::string(name->view()) + "'");
      return false;
    }
  } else if (!dict_set(vm, k->dict, Value::object(name), v)) {
    return false;
  }
  if (name->view().starts_with("__")) update_slots(vm, rk);
  return true;
}

Value type_construct(Vm& vm, const CallArgs& args) {
  if (args.positional.size() == 1 && args.kwvalues.empty()) return Value::object(type_of(vm, args.positional[0]));
  if (args.positional.size() != 3) return raise(vm, vm.types.TypeError, "type() takes 1 or 3 arguments");
  if (!is_instance(vm, args.positional[0], vm.types.str))
    return raise(vm, vm.types.TypeError, "type.__new__() argument 1 must be str, not " +
                                             std::string(type_name(vm, args.positional[0])));
  if (!is_instance(vm, args.positional[1], vm.types.tuple))
    return raise(vm, vm.types.TypeError, "type.__new__() argument 2 must be tuple, not " +
                                             std::string(type_name(vm, args.positional[1])));
  if (!is_instance(vm, args.positional[2], vm.types.dict))
    return raise(vm, vm.types.TypeError, "type.__new__() argument 3 must be dict, not " +
                                             std::string(type_name(vm, args.positional[2])));
  bool has_module = !dict_get_str(args.positional[2].as<Dict>(), intern(vm, "__module__")).is_null();
  Value cls = class_new(vm, args.positional[0].as<Str>(), args.positional[1].as<Tuple>(), args.positional[2].as<Dict>());
  if (cls.is_exception() || has_module || vm.frame < vm.frames) return cls;
  // Like CPython, a class made by type() belongs to the calling module.
  RootValue rc(vm, cls);
  Value mod = dict_get_str(vm.frame->globals, vm.names.dunder_name);
  if (mod.is_null()) return cls;
  rc.get().as<Klass>()->module = mod;
  if (!dict_set(vm, rc.get().as<Klass>()->dict, Value::object(intern(vm, "__module__")), mod)) return Value::exception();
  return rc;
}

Value type_mro_method(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "mro", 1, 1)) return Value::exception();
  RootValue self(vm, args.positional[0]);
  Tuple* mro = self.get().as<Klass>()->mro;
  Value l = list_new(vm, mro->size);
  if (l.is_exception()) return l;
  mro = self.get().as<Klass>()->mro;
  for (uint64_t i = 0; i < mro->size; ++i) l.as<List>()->items()[i] = mro->items[i];
  l.as<List>()->size = mro->size;
  return l;
}

// -- super -----------------------------------------------------------------------------------

void trace_super(Obj* self, Tracer& t) {
  auto* s = static_cast<Super*>(self);
  t.visit(s->type);
  t.visit(s->obj);
  t.visit(s->obj_type);
}

Value super_make(Vm& vm, Value type, Value obj) {
  if (!is_type(vm, type))
    return raise(vm, vm.types.TypeError, "super() argument 1 must be a type, not " + std::string(type_name(vm, type)));
  Klass* t = type.as<Klass>();
  Klass* ot;
  if (is_type(vm, obj) && klass_is_subclass(obj.as<Klass>(), t)) {
    ot = obj.as<Klass>();
  } else if (is_instance(vm, obj, t)) {
    ot = type_of(vm, obj);
  } else {
    return raise(vm, vm.types.TypeError, "super(type, obj): obj must be an instance or subtype of type");
  }
  RootValue rt(vm, type), ro(vm, obj);
  Root<Klass> rot(vm, ot);
  Super* s = vm.alloc<Super>(vm.types.super_);
  if (s == nullptr) return Value::exception();
  s->type = rt.get().as<Klass>();
  s->obj = ro;
  s->obj_type = rot;
  return Value::object(s);
}

Value super_construct(Vm& vm, const CallArgs& args) {
  if (args.positional.size() == 2) return super_make(vm, args.positional[0], args.positional[1]);
  if (!args.positional.empty()) return raise(vm, vm.types.TypeError, "super() takes 0 or 2 arguments");
  // Zero-argument form: the calling frame's first argument and its __class__ cell.
  Frame* f = vm.frame;
  if (f < vm.frames || f->func == nullptr || f->code->argcount == 0)
    return raise(vm, vm.types.RuntimeError, "super(): no arguments");
  Code* c = f->code;
  Value first = f->locals[0];
  const int32_t* cell_param = c->cell_param->as<int32_t>();
  for (uint32_t i = 0; i < c->ncells; ++i)
    if (cell_param[i] == 0) first = f->locals[c->nlocals + i].as<Cell>()->value;
  Value cls = Value::null();
  for (uint32_t i = 0; i < c->nfree; ++i)
    if (c->freevars->items[i].as<Str>()->view() == "__class__")
      cls = f->locals[c->nlocals + c->ncells + i].as<Cell>()->value;
  if (cls.is_null()) return raise(vm, vm.types.RuntimeError, "super(): __class__ cell not found");
  if (first.is_null()) return raise(vm, vm.types.RuntimeError, "super(): arg[0] deleted");
  return super_make(vm, cls, first);
}

Value super_getattr(Vm& vm, Value self, Str* name) {
  Super* s = self.as<Super>();
  Tuple* mro = s->obj_type->mro;
  uint64_t i = 0;
  while (i < mro->size && mro->items[i].as<Klass>() != s->type) ++i;
  for (++i; i < mro->size; ++i) {
    Value v = dict_get_str(mro->items[i].as<Klass>()->dict, name);
    if (v.is_null()) continue;
    if (!v.is_obj()) return v;
    Klass* vk = v.as_obj()->klass;
    bool obj_is_class = s->obj.is_obj() && s->obj.as_obj() == s->obj_type;
    if (vk == vm.types.staticmethod) return v.as<MethodWrapper>()->func;
    if (vk == vm.types.classmethod) return bound_method_new(vm, v.as<MethodWrapper>()->func, Value::object(s->obj_type));
    if (vk == vm.types.property && !obj_is_class) return call1(vm, v.as<Property>()->fget, s->obj);
    if ((vk == vm.types.function || (vk == vm.types.native && v.as<Native>()->self.is_null())) && !obj_is_class)
      return bound_method_new(vm, v, s->obj);
    if (obj_is_class && name->view() == "__new__") return v;
    return v;
  }
  if (name->view() == "__class__") return Value::object(vm.types.super_);
  return Value::null();
}

Value super_repr(Vm& vm, Value self) {
  Super* s = self.as<Super>();
  return str_new(vm, "<super: <class '" + std::string(s->type->name->view()) + "'>, <" +
                         std::string(s->obj_type->name->view()) + " object>>");
}

// -- object / built-in __init__ and __new__ ----------------------------------------------------

Value object_init(Vm& vm, const CallArgs& args) {
  if (args.positional.empty()) return raise(vm, vm.types.TypeError, "descriptor '__init__' of 'object' object needs an argument");
  return Value::none();
}

Value object_new(Vm& vm, const CallArgs& args) {
  if (args.positional.empty() || !is_type(vm, args.positional[0]))
    return raise(vm, vm.types.TypeError, "object.__new__(X): X is not a type object");
  Klass* cls = args.positional[0].as<Klass>();
  if (!(cls->flags & kKlassUser)) return call(vm, args.positional[0], CallArgs{});
  return default_new(vm, cls, CallArgs{args.positional.subspan(1), {}, nullptr}, true);
}

Value base_exception_init(Vm& vm, const CallArgs& args) {
  if (args.positional.empty() || !is_instance(vm, args.positional[0], vm.types.BaseException))
    return raise(vm, vm.types.TypeError, "descriptor '__init__' requires a 'BaseException' object");
  RootValue self(vm, args.positional[0]);
  Value t = tuple_from(vm, args.positional.subspan(1));
  if (t.is_exception()) return t;
  self.get().as<Exception>()->args = t.as<Tuple>();
  return Value::none();
}

Value list_init(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "list", 1, 2)) return Value::exception();
  RootValue self(vm, args.positional[0]);
  self.get().as<List>()->size = 0;
  if (args.positional.size() == 1) return Value::none();
  Value ext = get_attr(vm, self, intern(vm, "extend"));
  if (ext.is_exception()) return ext;
  RootValue re(vm, ext);
  Value r = call1(vm, re, args.positional[1]);
  return r.is_exception() ? r : Value::none();
}

Value dict_init(Vm& vm, const CallArgs& args) {
  RootValue self(vm, args.positional[0]);
  Value upd = get_attr(vm, self, intern(vm, "update"));
  if (upd.is_exception()) return upd;
  RootValue ru(vm, upd);
  Value r = call(vm, ru, CallArgs{args.positional.subspan(1), args.kwvalues, args.kwnames});
  return r.is_exception() ? r : Value::none();
}

// __build_class__(func, name, *bases, metaclass=None)
Value build_class(Vm& vm, const CallArgs& args) {
  if (args.positional.size() < 2) return raise(vm, vm.types.TypeError, "__build_class__: not enough arguments");
  Value func = args.positional[0];
  Value name = args.positional[1];
  RootValue bases(vm, tuple_from(vm, args.positional.subspan(2)));
  if (bases.get().is_exception()) return Value::exception();
  Value meta = kwarg(args, "metaclass");
  RootValue rmeta(vm, meta);
  RootValue ns(vm, dict_new(vm));
  if (ns.get().is_exception()) return Value::exception();
  Value r = vm.run_class_body(vm, func, ns.get().as<Dict>());
  if (r.is_exception()) return r;
  if (!rmeta.get().is_null() && rmeta.get() != Value::object(vm.types.type)) {
    Value* base = vm.sp;
    base[0] = name;
    base[1] = bases;
    base[2] = ns;
    vm.sp = base + 3;
    Value cls = call(vm, rmeta, CallArgs{std::span<const Value>(base, 3), {}, nullptr});
    vm.sp = base;
    return cls;
  }
  return class_new(vm, name.as<Str>(), bases.get().as<Tuple>(), ns.get().as<Dict>());
}

}  // namespace

void init_class_types(Vm& vm) {
  init_instance_types(vm);
  Types& t = vm.types;
  t.type->getattr = type_getattr;
  t.type->setattr = type_setattr;
  t.type->construct = type_construct;
  add_method(vm, t.type, "mro", type_mro_method);
  t.super_->trace = trace_super;
  t.super_->construct = super_construct;
  t.super_->getattr = super_getattr;
  t.super_->repr = super_repr;
  t.seq_iterator->trace = trace_seq_iter;
  t.seq_iterator->iternext = seq_iter_next;
  t.seq_iterator->iter = iter_self;
  add_method(vm, t.object, "__init__", object_init);
  add_method(vm, t.object, "__new__", object_new);
  add_method(vm, t.BaseException, "__init__", base_exception_init);
  add_method(vm, t.list, "__init__", list_init);
  add_method(vm, t.dict, "__init__", dict_init);
}

namespace {

void add_dict_names(Vm& vm, Dict* d, std::vector<std::string>& names) {
  uint64_t pos = 0;
  DictEntry* e;
  while (d != nullptr && dict_next(d, &pos, &e))
    if (e->key.is_obj() && e->key.as_obj()->klass == vm.types.str) names.emplace_back(e->key.as<Str>()->view());
}

// dir(): the calling scope's names; dir(x): x's attributes, sorted.
Value builtin_dir(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "dir", 0, 1)) return Value::exception();
  std::vector<std::string> names;
  if (args.positional.empty()) {
    Frame* f = vm.frame;
    if (f >= vm.frames && f->func != nullptr && f->ns == nullptr) {
      for (uint32_t i = 0; i < f->code->nlocals; ++i)
        if (!f->locals[i].is_null()) names.emplace_back(f->code->varnames->items[i].as<Str>()->view());
    } else if (f >= vm.frames) {
      add_dict_names(vm, f->ns != nullptr ? f->ns : f->globals, names);
    }
  } else {
    Value obj = args.positional[0];
    Klass* k = type_of(vm, obj);
    if (k == vm.types.module) add_dict_names(vm, obj.as<Module>()->dict, names);
    if (k->kind == TypeKind::INSTANCE) {
      Instance* inst = obj.as<Instance>();
      add_dict_names(vm, inst->shape != nullptr ? inst->shape->index : inst->dict, names);
    } else if (k != vm.types.module && k->dict_offset != 0) {
      add_dict_names(vm, *reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.as_obj()) + k->dict_offset), names);
    }
    if (k != vm.types.module) {
      Klass* c = k == vm.types.type ? obj.as<Klass>() : k;
      for (uint64_t i = 0; c->mro != nullptr && i < c->mro->size; ++i)
        add_dict_names(vm, c->mro->items[i].as<Klass>()->dict, names);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  RootValue list(vm, list_new(vm, names.size()));
  if (list.get().is_exception()) return Value::exception();
  for (const std::string& n : names) {
    Value s = str_new(vm, n);
    if (s.is_exception() || !list_append(vm, list.get().as<List>(), s)) return Value::exception();
  }
  return list;
}

}  // namespace

void register_class_builtins(Vm& vm) {
  add_function(vm, vm.builtins, "dir", builtin_dir);
  Types& t = vm.types;
  dict_set_name(vm, vm.builtins, "property", Value::object(t.property));
  dict_set_name(vm, vm.builtins, "staticmethod", Value::object(t.staticmethod));
  dict_set_name(vm, vm.builtins, "classmethod", Value::object(t.classmethod));
  dict_set_name(vm, vm.builtins, "super", Value::object(t.super_));
  add_function(vm, vm.builtins, "__build_class__", build_class);
}

}  // namespace contrail::runtime
