// runtime/obj_instance.cpp -- Instances of user classes: shape-based attribute
// storage with a dict fallback, the generic attribute protocol (descriptors,
// instance storage, class attributes, __getattr__), and the descriptor types
// property, staticmethod and classmethod.
#include "runtime/obj_instance.h"

#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"

namespace contrail::runtime {

namespace {

bool is_klass(Vm& vm, Value v, Klass* k) { return v.is_obj() && v.as_obj()->klass == k; }

// -- Shapes ---------------------------------------------------------------------

void trace_shape(Obj* self, Tracer& t) {
  auto* s = static_cast<Shape*>(self);
  t.visit(s->parent);
  t.visit(s->name);
  t.visit(s->index);
  t.visit(s->transitions);
}

Shape* shape_new(Vm& vm, Shape* parent, Str* name) {
  Root<Shape> rp(vm, parent);
  Root<Str> rn(vm, name);
  Root<Shape> s(vm, vm.alloc<Shape>(vm.types.shape));
  if (s.get() == nullptr) return nullptr;
  Value index = dict_new(vm);
  if (index.is_exception()) return nullptr;
  s->index = index.as<Dict>();
  Value trans = dict_new(vm);
  if (trans.is_exception()) return nullptr;
  s->transitions = trans.as<Dict>();
  s->parent = rp;
  s->name = rn;
  if (rp.get() != nullptr) {
    uint64_t pos = 0;
    DictEntry* e;
    while (dict_next(rp->index, &pos, &e))
      if (!dict_set(vm, s->index, e->key, e->value)) return nullptr;
    s->nslots = rp->nslots;
  }
  if (rn.get() != nullptr) {
    if (!dict_set(vm, s->index, Value::object(rn.get()), Value::small_int(s->nslots))) return nullptr;
    s->nslots++;
  }
  return s;
}

// The child of [shape] that adds [name] (created and cached on first use).
Shape* shape_add(Vm& vm, Shape* shape, Str* name) {
  Value child = dict_get_str(shape->transitions, name);
  if (!child.is_null()) return child.as<Shape>();
  Root<Shape> rs(vm, shape);
  Root<Str> rn(vm, name);
  Shape* c = shape_new(vm, shape, name);
  if (c == nullptr) return nullptr;
  Root<Shape> rc(vm, c);
  if (!dict_set(vm, rs->transitions, Value::object(rn.get()), Value::object(c))) return nullptr;
  return rc;
}

// -- Instance storage -----------------------------------------------------------

void trace_instance(Obj* self, Tracer& t) {
  auto* o = static_cast<Instance*>(self);
  t.visit(o->shape);
  t.visit(o->slots);
  t.visit(o->dict);
}

Dict** attr_dict_field(Value obj) {
  Obj* o = obj.as_obj();
  uint32_t off = o->klass->dict_offset;
  return off == 0 ? nullptr : reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + off);
}

// Switches [inst] to dict mode (after a deletion or too many attributes).
bool instance_to_dict(Vm& vm, Instance* inst) {
  Root<Instance> ri(vm, inst);
  Value d = dict_new(vm);
  if (d.is_exception()) return false;
  RootValue rd(vm, d);
  if (ri->shape != nullptr) {
    uint64_t pos = 0;
    DictEntry* e;
    while (dict_next(ri->shape->index, &pos, &e)) {
      Value v = ri->slots->items[e->value.as_small_int()];
      if (v.is_null()) continue;
      if (!dict_set(vm, d.as<Dict>(), e->key, v)) return false;
    }
  }
  ri->dict = d.as<Dict>();
  ri->shape = nullptr;
  ri->slots = nullptr;
  return true;
}

bool instance_store(Vm& vm, Instance* inst, Str* name, Value v) {
  if (inst->shape != nullptr) {
    Value idx = dict_get_str(inst->shape->index, name);
    if (!idx.is_null()) {
      inst->slots->items[idx.as_small_int()] = v;
      return true;
    }
    if (inst->shape->nslots < kMaxShapeSlots) {
      Root<Instance> ri(vm, inst);
      RootValue rv(vm, v);
      Shape* next = shape_add(vm, inst->shape, name);
      if (next == nullptr) return false;
      uint32_t slot = next->nslots - 1;
      if (ri->slots == nullptr || ri->slots->capacity <= slot) {
        Root<Shape> rn(vm, next);
        uint64_t cap = ri->slots == nullptr ? 4 : ri->slots->capacity * 2;
        ValueArray* a = value_array_new(vm, cap);
        if (a == nullptr) return false;
        for (uint64_t i = 0; ri->slots != nullptr && i < ri->slots->capacity; ++i) a->items[i] = ri->slots->items[i];
        ri->slots = a;
        next = rn;
      }
      ri->slots->items[slot] = rv;
      ri->shape = next;
      return true;
    }
    Root<Str> rn(vm, name);
    RootValue rv(vm, v);
    Root<Instance> ri(vm, inst);
    if (!instance_to_dict(vm, inst)) return false;
    return dict_set(vm, ri->dict, Value::object(rn.get()), rv);
  }
  return dict_set(vm, inst->dict, Value::object(name), v);
}

bool store_own(Vm& vm, Value obj, Str* name, Value v) {
  if (type_of(vm, obj)->kind == TypeKind::INSTANCE) {
    Instance* inst = obj.as<Instance>();
    if (!v.is_null()) return instance_store(vm, inst, name, v);
    Root<Instance> ri(vm, inst);
    Root<Str> rn(vm, name);
    if (inst->shape != nullptr && !instance_to_dict(vm, inst)) return false;
    Value old = dict_pop(vm, ri->dict, Value::object(rn.get()));
    if (old.is_exception()) return false;
    return !old.is_null();
  }
  Dict** field = attr_dict_field(obj);
  if (field == nullptr) return false;
  if (v.is_null()) {
    if (*field == nullptr) return false;
    Value old = dict_pop(vm, *field, Value::object(name));
    return !old.is_null() && !old.is_exception();
  }
  if (*field == nullptr) {
    RootValue ro(vm, obj), rv(vm, v);
    Root<Str> rn(vm, name);
    Value d = dict_new(vm);
    if (d.is_exception()) return false;
    *attr_dict_field(ro) = d.as<Dict>();
    return dict_set(vm, d.as<Dict>(), Value::object(rn.get()), rv);
  }
  return dict_set(vm, *field, Value::object(name), v);
}

std::string quoted_name(Klass* k) { return "'" + std::string(k->name->view()) + "'"; }

Value raise_no_attr(Vm& vm, Value obj, Str* name) {
  return raise(vm, vm.types.AttributeError, quoted_name(type_of(vm, obj)) + " object has no attribute '" +
                                                std::string(name->view()) + "'");
}

// -- Generic attribute protocol -------------------------------------------------

Value bind(Vm& vm, Value attr, Value obj, Klass* type) {
  if (!attr.is_obj()) return attr;
  Klass* k = attr.as_obj()->klass;
  if (k == vm.types.function) return bound_method_new(vm, attr, obj);
  if (k == vm.types.native && attr.as<Native>()->self.is_null()) return bound_method_new(vm, attr, obj);
  if (k == vm.types.staticmethod) return attr.as<MethodWrapper>()->func;
  if (k == vm.types.classmethod) return bound_method_new(vm, attr.as<MethodWrapper>()->func, Value::object(type));
  if (k == vm.types.property) {
    Property* p = attr.as<Property>();
    if (p->fget.is_none()) return raise(vm, vm.types.AttributeError, "property object has no getter");
    return call1(vm, p->fget, obj);
  }
  return attr;
}

Value dunder_dict(Vm& vm, Value obj) {
  if (type_of(vm, obj)->kind == TypeKind::INSTANCE) {
    Instance* inst = obj.as<Instance>();
    if (inst->shape != nullptr && !instance_to_dict(vm, inst)) return Value::exception();
    return Value::object(obj.as<Instance>()->dict);
  }
  Dict** field = attr_dict_field(obj);
  if (field == nullptr) return Value::null();
  if (*field == nullptr) {
    RootValue ro(vm, obj);
    Value d = dict_new(vm);
    if (d.is_exception()) return d;
    *attr_dict_field(ro) = d.as<Dict>();
  }
  return Value::object(*attr_dict_field(obj));
}

}  // namespace

Value instance_get_own(Vm& vm, Value obj, Str* name) {
  if (type_of(vm, obj)->kind == TypeKind::INSTANCE) {
    Instance* inst = obj.as<Instance>();
    if (inst->shape != nullptr) {
      Value idx = dict_get_str(inst->shape->index, name);
      return idx.is_null() ? idx : inst->slots->items[idx.as_small_int()];
    }
    return dict_get_str(inst->dict, name);
  }
  Dict** field = attr_dict_field(obj);
  if (field == nullptr || *field == nullptr) return Value::null();
  return dict_get_str(*field, name);
}

Value instance_getattr(Vm& vm, Value obj, Str* name) {
  Klass* t = type_of(vm, obj);
  Value ta = mro_lookup(vm, t, name);
  if (is_klass(vm, ta, vm.types.property)) return bind(vm, ta, obj, t);
  Value own = instance_get_own(vm, obj, name);
  if (!own.is_null()) return own;
  if (!ta.is_null()) return bind(vm, ta, obj, t);
  // Attributes of a built-in base (exception args, ...).
  for (uint64_t i = 0; t->mro != nullptr && i < t->mro->size; ++i) {
    Klass* c = t->mro->items[i].as<Klass>();
    if ((c->flags & kKlassUser) || c->getattr == nullptr) continue;
    Value v = c->getattr(vm, obj, name);
    if (!v.is_null()) return v;
    break;
  }
  std::string_view n = name->view();
  if (n == "__class__") return Value::object(t);
  if (n == "__dict__") {
    Value d = dunder_dict(vm, obj);
    if (!d.is_null()) return d;
  }
  static constexpr const char* kGetattr = "__getattr__";
  Value hook = mro_lookup(vm, t, str_intern(vm, kGetattr));
  if (!hook.is_null()) {
    RootValue rh(vm, hook), ro(vm, obj);
    RootValue bound(vm, bind(vm, hook, obj, t));
    if (bound.get().is_exception()) return Value::exception();
    return call1(vm, bound, Value::object(name));
  }
  return Value::null();
}

bool instance_setattr(Vm& vm, Value obj, Str* name, Value v) {
  Klass* t = type_of(vm, obj);
  Value ta = mro_lookup(vm, t, name);
  if (is_klass(vm, ta, vm.types.property)) {
    Property* p = ta.as<Property>();
    Value fn = v.is_null() ? p->fdel : p->fset;
    if (fn.is_none()) {
      raise(vm, vm.types.AttributeError, "property '" + std::string(name->view()) + "' of " + quoted_name(t) +
                                             " object has no " + (v.is_null() ? "deleter" : "setter"));
      return false;
    }
    Value r = v.is_null() ? call1(vm, fn, obj) : call2(vm, fn, obj, v);
    return !r.is_exception();
  }
  static constexpr const char* kSetattr = "__setattr__";
  static constexpr const char* kDelattr = "__delattr__";
  Value hook = mro_lookup(vm, t, str_intern(vm, v.is_null() ? kDelattr : kSetattr));
  if (hook.is_obj() && hook.as_obj()->klass == vm.types.function) {
    Value* base = vm.sp;
    base[0] = obj;
    base[1] = Value::object(name);
    base[2] = v;
    base[3] = hook;
    vm.sp = base + 4;
    Value r = call(vm, hook, CallArgs{std::span<const Value>(base, v.is_null() ? 2 : 3), {}, nullptr});
    vm.sp = base;
    return !r.is_exception();
  }
  if (store_own(vm, obj, name, v)) return true;
  if (!vm.pending.is_null()) return false;
  raise_no_attr(vm, obj, name);
  return false;
}

// object.__setattr__ / object.__delattr__ / object.__getattribute__: storage
// without user hooks.
namespace {

Value object_setattr(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "__setattr__", 3, 3)) return Value::exception();
  if (!is_instance(vm, args.positional[1], vm.types.str))
    return raise(vm, vm.types.TypeError, "attribute name must be string");
  if (!store_own(vm, args.positional[0], args.positional[1].as<Str>(), args.positional[2])) {
    if (!vm.pending.is_null()) return Value::exception();
    return raise_no_attr(vm, args.positional[0], args.positional[1].as<Str>());
  }
  return Value::none();
}

Value object_delattr(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "__delattr__", 2, 2)) return Value::exception();
  if (!store_own(vm, args.positional[0], args.positional[1].as<Str>(), Value::null())) {
    if (!vm.pending.is_null()) return Value::exception();
    return raise_no_attr(vm, args.positional[0], args.positional[1].as<Str>());
  }
  return Value::none();
}

Value object_getattribute(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "__getattribute__", 2, 2)) return Value::exception();
  return get_attr(vm, args.positional[0], args.positional[1].as<Str>());
}

// -- property / staticmethod / classmethod ------------------------------------------

void trace_property(Obj* self, Tracer& t) {
  auto* p = static_cast<Property*>(self);
  t.visit(p->fget);
  t.visit(p->fset);
  t.visit(p->fdel);
  t.visit(p->doc);
}

void trace_wrapper(Obj* self, Tracer& t) { t.visit(static_cast<MethodWrapper*>(self)->func); }

Value property_make(Vm& vm, Value fget, Value fset, Value fdel, Value doc) {
  RootValue a(vm, fget), b(vm, fset), c(vm, fdel), d(vm, doc);
  Property* p = vm.alloc<Property>(vm.types.property);
  if (p == nullptr) return Value::exception();
  p->fget = a;
  p->fset = b;
  p->fdel = c;
  p->doc = d;
  return Value::object(p);
}

Value property_construct(Vm& vm, const CallArgs& args) {
  Value v[4] = {Value::none(), Value::none(), Value::none(), Value::none()};
  for (size_t i = 0; i < args.positional.size() && i < 4; ++i) v[i] = args.positional[i];
  static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
  for (int i = 0; i < 4; ++i) {
    Value k = kwarg(args, kNames[i]);
    if (!k.is_null()) v[i] = k;
  }
  return property_make(vm, v[0], v[1], v[2], v[3]);
}

Value property_with(Vm& vm, const CallArgs& args, int which) {
  if (!check_args(vm, args, which == 0 ? "getter" : which == 1 ? "setter" : "deleter", 2, 2))
    return Value::exception();
  Property* p = args.positional[0].as<Property>();
  Value v[4] = {p->fget, p->fset, p->fdel, p->doc};
  v[which] = args.positional[1];
  return property_make(vm, v[0], v[1], v[2], v[3]);
}

Value property_getter(Vm& vm, const CallArgs& args) { return property_with(vm, args, 0); }
Value property_setter(Vm& vm, const CallArgs& args) { return property_with(vm, args, 1); }
Value property_deleter(Vm& vm, const CallArgs& args) { return property_with(vm, args, 2); }

Value property_getattr(Vm&, Value self, Str* name) {
  Property* p = self.as<Property>();
  std::string_view n = name->view();
  if (n == "fget") return p->fget;
  if (n == "fset") return p->fset;
  if (n == "fdel") return p->fdel;
  if (n == "__doc__") return p->doc;
  return Value::null();
}

Value wrapper_make(Vm& vm, Klass* k, const CallArgs& args, const char* name) {
  if (!check_args(vm, args, name, 1, 1)) return Value::exception();
  MethodWrapper* w = vm.alloc<MethodWrapper>(k);
  if (w == nullptr) return Value::exception();
  w->func = args.positional[0];
  return Value::object(w);
}

Value staticmethod_construct(Vm& vm, const CallArgs& args) {
  return wrapper_make(vm, vm.types.staticmethod, args, "staticmethod");
}
Value classmethod_construct(Vm& vm, const CallArgs& args) {
  return wrapper_make(vm, vm.types.classmethod, args, "classmethod");
}

Value wrapper_getattr(Vm& vm, Value self, Str* name) {
  std::string_view n = name->view();
  if (n == "__func__") return self.as<MethodWrapper>()->func;
  if (n == "__name__" || n == "__qualname__" || n == "__doc__")
    return get_attr_opt(vm, self.as<MethodWrapper>()->func, name);
  return Value::null();
}

Value staticmethod_call(Vm& vm, const CallArgs& args) {
  Value f = args.positional[0].as<MethodWrapper>()->func;
  return call(vm, f, CallArgs{args.positional.subspan(1), args.kwvalues, args.kwnames});
}

}  // namespace

void init_instance_types(Vm& vm) {
  Types& t = vm.types;
  t.shape->trace = trace_shape;
  t.property->trace = trace_property;
  t.property->construct = property_construct;
  t.property->getattr = property_getattr;
  add_method(vm, t.property, "getter", property_getter);
  add_method(vm, t.property, "setter", property_setter);
  add_method(vm, t.property, "deleter", property_deleter);
  t.staticmethod->trace = trace_wrapper;
  t.staticmethod->construct = staticmethod_construct;
  t.staticmethod->getattr = wrapper_getattr;
  t.staticmethod->call = staticmethod_call;
  t.classmethod->trace = trace_wrapper;
  t.classmethod->construct = classmethod_construct;
  t.classmethod->getattr = wrapper_getattr;
  add_method(vm, t.object, "__setattr__", object_setattr);
  add_method(vm, t.object, "__delattr__", object_delattr);
  add_method(vm, t.object, "__getattribute__", object_getattribute);
  vm.empty_shape = shape_new(vm, nullptr, nullptr);
}

TraceFn instance_trace_fn() { return trace_instance; }

}  // namespace contrail::runtime
