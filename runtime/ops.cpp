// runtime/ops.cpp -- The generic object protocol over Klass slots.
// Binary operator protocol (BinaryFn): binary_op first asks type(a)'s slot,
// then, if it returned NotImplemented and type(b) differs, type(b)'s slot;
// each slot receives (a, b) in source order and must check which side it owns.
// In-place operators (BinOp::IADD...) are offered to the slots first (lists
// extend in place); a slot that does not implement the in-place form handles
// it like the plain operator.
// Comparison protocol (RichCmpFn) mirrors it, with the reflected comparison
// (a < b  <=>  b > a) when the left slot declines; == and != fall back to identity.
#include "runtime/ops.h"

#include <algorithm>
#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/obj_instance.h"
#include "runtime/user_ops.h"

namespace contrail::runtime {

namespace {

constexpr CmpOp kSwappedCmp[] = {CmpOp::GT, CmpOp::GE, CmpOp::EQ, CmpOp::NE, CmpOp::LT, CmpOp::LE};

bool is_not_implemented(Vm& vm, Value v) { return v == vm.singleton_not_implemented; }

Value raise_type_error(Vm& vm, std::string msg) { return raise(vm, vm.types.TypeError, msg); }

std::string quoted_type(Vm& vm, Value v) {
  std::string s = "'";
  s += type_name(vm, v);
  s += "'";
  return s;
}

// Looks [name] up along [k]'s base chain (types' dicts). NULL when missing.
Value lookup_in_type(Klass* k, Str* name) {
  for (; k != nullptr; k = k->base) {
    if (k->dict == nullptr) continue;
    Value v = dict_get_str(k->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}

}  // namespace

std::string_view type_name(Vm& vm, Value v) { return type_of(vm, v)->name->view(); }

bool is_instance(Vm& vm, Value v, Klass* k) { return klass_is_subclass(type_of(vm, v), k); }

// -- repr / str ---------------------------------------------------------------

Value repr(Vm& vm, Value v) {
  Klass* k = type_of(vm, v);
  if (!v.is_obj()) return k->repr(vm, v);
  CRecursion guard(vm, " while getting the repr of an object");
  if (!guard.ok()) return Value::exception();
  for (Klass* c = k; c != nullptr; c = c->base)
    if (c->repr != nullptr) return c->repr(vm, v);
  return raise_type_error(vm, "object has no repr");
}

Value to_str(Vm& vm, Value v) {
  for (Klass* c = type_of(vm, v); c != nullptr; c = c->base) {
    if (c->str != nullptr) return c->str(vm, v);
    if (c->repr != nullptr) return c->repr(vm, v);
  }
  return repr(vm, v);
}

bool repr_enter(Vm& vm, Obj* o) {
  for (Obj* p : vm.repr_active)
    if (p == o) return true;
  vm.repr_active.push_back(o);
  return false;
}

void repr_leave(Vm& vm) { vm.repr_active.pop_back(); }

bool repr_append(Vm& vm, std::string& out, Value v) {
  Value s = repr(vm, v);
  if (s.is_exception()) return false;
  out.append(s.as<Str>()->view());
  return true;
}

bool str_append(Vm& vm, std::string& out, Value v) {
  if (v.is_obj() && v.as_obj()->klass == vm.types.str) {
    out.append(v.as<Str>()->view());
    return true;
  }
  Value s = to_str(vm, v);
  if (s.is_exception()) return false;
  out.append(s.as<Str>()->view());
  return true;
}

// -- truth, hash, equality ------------------------------------------------------

int truthy(Vm& vm, Value v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_double()) return v.as_double() != 0.0;
  if (v.is_none()) return 0;
  Klass* k = type_of(vm, v);
  for (Klass* c = k; c != nullptr; c = c->base) {
    if (c->truth != nullptr) return c->truth(vm, v);
    if (c->len != nullptr) {
      int64_t n;
      if (!c->len(vm, v, &n)) return -1;
      return n != 0;
    }
  }
  return 1;
}

bool hash_value(Vm& vm, Value v, int64_t* out) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    // CPython: hash(i) == i for |i| < 2^61 except hash(-1) == -2.
    *out = i == -1 ? -2 : i;
    return true;
  }
  if (v.is_obj() && v.as_obj()->klass == vm.types.str) {
    *out = str_hash(v.as<Str>());
    return true;
  }
  for (Klass* c = type_of(vm, v); c != nullptr; c = c->base) {
    if (c->hash != nullptr) return c->hash(vm, v, out);
    if (c->richcompare != nullptr && c != vm.types.object) break;  // mutable containers: unhashable
  }
  raise_type_error(vm, "unhashable type: " + quoted_type(vm, v));
  return false;
}

int equals(Vm& vm, Value a, Value b) {
  if (a == b) return a.is_double() ? a.as_double() == a.as_double() : 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (a.is_obj() && b.is_obj() && a.as_obj()->klass == vm.types.str && b.as_obj()->klass == vm.types.str)
    return str_equal(a.as<Str>(), b.as<Str>());
  Value r = compare(vm, a, b, CmpOp::EQ);
  if (r.is_exception()) return -1;
  if (r.is_bool()) return r.as_bool();
  return truthy(vm, r);
}

// -- comparisons ----------------------------------------------------------------

static RichCmpFn find_richcompare(Klass* k) {
  for (; k != nullptr; k = k->base)
    if (k->richcompare != nullptr) return k->richcompare;
  return nullptr;
}

Value compare(Vm& vm, Value a, Value b, CmpOp op) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (op) {
      case CmpOp::LT: return Value::boolean(x < y);
      case CmpOp::LE: return Value::boolean(x <= y);
      case CmpOp::EQ: return Value::boolean(x == y);
      case CmpOp::NE: return Value::boolean(x != y);
      case CmpOp::GT: return Value::boolean(x > y);
      case CmpOp::GE: return Value::boolean(x >= y);
    }
  }
  Klass* ka = type_of(vm, a);
  Klass* kb = type_of(vm, b);
  CRecursion guard(vm, " in comparison");
  if (!guard.ok()) return Value::exception();
  if ((ka->flags | kb->flags) & kKlassUser) {
    Value r = user_compare(vm, a, b, op);
    if (!is_not_implemented(vm, r)) return r;
  }
  if (RichCmpFn f = find_richcompare(ka)) {
    Value r = f(vm, a, b, static_cast<uint8_t>(op));
    if (!is_not_implemented(vm, r)) return r;
  }
  if (kb != ka) {
    if (RichCmpFn f = find_richcompare(kb)) {
      Value r = f(vm, b, a, static_cast<uint8_t>(kSwappedCmp[static_cast<int>(op)]));
      if (!is_not_implemented(vm, r)) return r;
    }
  }
  if (op == CmpOp::EQ) return Value::boolean(a == b);
  if (op == CmpOp::NE) return Value::boolean(a != b);
  std::string msg = "'";
  msg += cmpop_symbol(op);
  msg += "' not supported between instances of " + quoted_type(vm, a) + " and " + quoted_type(vm, b);
  return raise_type_error(vm, msg);
}

// -- arithmetic -----------------------------------------------------------------

static BinaryFn find_binary(Klass* k) {
  for (; k != nullptr; k = k->base)
    if (k->binary != nullptr) return k->binary;
  return nullptr;
}

Value binary_op(Vm& vm, Value a, Value b, BinOp op) {
  Klass* ka = type_of(vm, a);
  Klass* kb = type_of(vm, b);
  if ((ka->flags | kb->flags) & kKlassUser) {
    Value r = user_binary(vm, a, b, op);
    if (!is_not_implemented(vm, r)) return r;
  }
  if (BinaryFn f = find_binary(ka)) {
    Value r = f(vm, a, b, static_cast<uint8_t>(op));
    if (!is_not_implemented(vm, r)) return r;
  }
  if (kb != ka) {
    if (BinaryFn f = find_binary(kb)) {
      Value r = f(vm, a, b, static_cast<uint8_t>(op));
      if (!is_not_implemented(vm, r)) return r;
    }
  }
  std::string msg = "unsupported operand type(s) for ";
  msg += binop_symbol(op);
  if (op == BinOp::POW) msg += " or pow()";
  msg += ": " + quoted_type(vm, a) + " and " + quoted_type(vm, b);
  return raise_type_error(vm, msg);
}

static Value unary(Vm& vm, Value v, UnaryFn Klass::*slot, const char* sym) {
  for (Klass* c = type_of(vm, v); c != nullptr; c = c->base)
    if (c->*slot != nullptr) return (c->*slot)(vm, v);
  return raise_type_error(vm, std::string("bad operand type for unary ") + sym + ": " + quoted_type(vm, v));
}

Value unary_neg(Vm& vm, Value v) { return unary(vm, v, &Klass::neg, "-"); }
Value unary_pos(Vm& vm, Value v) { return unary(vm, v, &Klass::pos, "+"); }
Value unary_invert(Vm& vm, Value v) { return unary(vm, v, &Klass::invert, "~"); }

bool to_double(Vm& vm, Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    return true;
  }
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());
    return true;
  }
  if (v.is_bool()) {
    *out = v.as_bool() ? 1.0 : 0.0;
    return true;
  }
  if (v.is_obj() && v.as_obj()->klass == vm.types.int_) {
    if (!big_to_double(v.as<BigInt>()->view(), out)) {
      raise(vm, vm.types.OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  raise_type_error(vm, "must be real number, not " + std::string(type_name(vm, v)));
  return false;
}

// -- attributes -----------------------------------------------------------------

Value get_attr_opt(Vm& vm, Value obj, Str* name) {
  Klass* k = type_of(vm, obj);
  for (Klass* c = k; c != nullptr; c = c->base) {
    if (c->getattr != nullptr) {
      Value v = c->getattr(vm, obj, name);
      if (!v.is_null()) return v;
      break;
    }
  }
  Value v = lookup_in_type(k, name);
  if (v.is_null()) return v;
  if (v.is_obj()) {
    Klass* vk = v.as_obj()->klass;
    if (vk == vm.types.function || (vk == vm.types.native && v.as<Native>()->self.is_null()))
      return bound_method_new(vm, v, obj);
  }
  return v;
}

Value get_attr(Vm& vm, Value obj, Str* name) {
  Value v = get_attr_opt(vm, obj, name);
  if (!v.is_null()) return v;
  if (vm.pending.is_null() == false) return Value::exception();
  std::string msg;
  if (obj.is_obj() && obj.as_obj()->klass == vm.types.module) {
    msg = "module '";
    msg += obj.as<Module>()->name->view();
    msg += "' has no attribute '";
  } else if (obj.is_obj() && obj.as_obj()->klass == vm.types.type) {
    msg = "type object '";
    msg += obj.as<Klass>()->name->view();
    msg += "' has no attribute '";
  } else {
    msg = quoted_type(vm, obj) + " object has no attribute '";
  }
  msg += name->view();
  msg += "'";
  RootValue robj(vm, obj);
  Root<Str> rname(vm, name);
  Value r = raise(vm, vm.types.AttributeError, msg);
  if (vm.pending.is_obj() && vm.pending != vm.memory_error) {
    vm.pending.as<Exception>()->attr_obj = robj;
    vm.pending.as<Exception>()->attr_name = Value::object(rname.get());
  }
  return r;
}

bool set_attr(Vm& vm, Value obj, Str* name, Value v) {
  for (Klass* c = type_of(vm, obj); c != nullptr; c = c->base)
    if (c->setattr != nullptr) return c->setattr(vm, obj, name, v);
  if (obj.is_obj() && obj.as_obj()->klass == vm.types.module) {
    return dict_set(vm, obj.as<Module>()->dict, Value::object(name), v);
  }
  if (obj.is_obj() && obj.as_obj()->klass == vm.types.function) {
    Function* f = obj.as<Function>();
    std::string_view n = name->view();
    if ((n == "__name__" || n == "__qualname__") && !v.is_null()) {
      if (!is_instance(vm, v, vm.types.str)) {
        raise_type_error(vm, std::string(n) + " must be set to a string object");
        return false;
      }
      (n == "__name__" ? f->name : f->qualname) = v.as<Str>();
      return true;
    }
    if (n == "__module__" && !v.is_null()) {
      f->module = v;
      return true;
    }
    if (f->dict == nullptr) {
      Root<Function> rf(vm, f);
      RootValue rv(vm, v);
      Value d = dict_new(vm);
      if (d.is_exception()) return false;
      rf->dict = d.as<Dict>();
      return dict_set(vm, rf->dict, Value::object(name), rv);
    }
    return dict_set(vm, f->dict, Value::object(name), v);
  }
  Value exists = lookup_in_type(type_of(vm, obj), name);
  std::string msg = quoted_type(vm, obj) + " object ";
  msg += exists.is_null() ? "has no attribute '" : "attribute '";
  msg += name->view();
  msg += exists.is_null() ? "'" : "' is read-only";
  raise(vm, vm.types.AttributeError, msg);
  return false;
}

bool del_attr(Vm& vm, Value obj, Str* name) {
  for (Klass* c = type_of(vm, obj); c != nullptr; c = c->base)
    if (c->setattr != nullptr) return c->setattr(vm, obj, name, Value::null());
  if (obj.is_obj() && obj.as_obj()->klass == vm.types.module) {
    Value r = dict_pop(vm, obj.as<Module>()->dict, Value::object(name));
    if (r.is_exception()) return false;
    if (!r.is_null()) return true;
  }
  std::string msg = quoted_type(vm, obj) + " object has no attribute '";
  msg += name->view();
  msg += "'";
  raise(vm, vm.types.AttributeError, msg);
  return false;
}

// -- items ------------------------------------------------------------------------

Value get_item(Vm& vm, Value c, Value key) {
  for (Klass* k = type_of(vm, c); k != nullptr; k = k->base)
    if (k->getitem != nullptr) return k->getitem(vm, c, key);
  if (c.is_obj() && c.as_obj()->klass == vm.types.type)
    return raise_type_error(vm, "type " + quoted_type(vm, c).substr(0, 0) + "'" +
                                    std::string(c.as<Klass>()->name->view()) + "' is not subscriptable");
  return raise_type_error(vm, quoted_type(vm, c) + " object is not subscriptable");
}

bool set_item(Vm& vm, Value c, Value key, Value v) {
  for (Klass* k = type_of(vm, c); k != nullptr; k = k->base)
    if (k->setitem != nullptr) return k->setitem(vm, c, key, v);
  raise_type_error(vm, quoted_type(vm, c) + " object does not support item assignment");
  return false;
}

bool del_item(Vm& vm, Value c, Value key) {
  for (Klass* k = type_of(vm, c); k != nullptr; k = k->base)
    if (k->setitem != nullptr) return k->setitem(vm, c, key, Value::null());
  raise_type_error(vm, quoted_type(vm, c) + " object doesn't support item deletion");
  return false;
}

int contains(Vm& vm, Value c, Value item) {
  for (Klass* k = type_of(vm, c); k != nullptr; k = k->base)
    if (k->contains != nullptr) return k->contains(vm, c, item);
  RootValue it(vm, get_iter(vm, c));
  if (it.get().is_exception()) {
    vm.pending = Value::null();
    raise_type_error(vm, "argument of type " + quoted_type(vm, c) + " is not iterable");
    return -1;
  }
  RootValue ritem(vm, item);
  for (;;) {
    Value x = iter_next(vm, it);
    if (x.is_exception()) return -1;
    if (x.is_null()) return 0;
    int eq = equals(vm, x, ritem);
    if (eq != 0) return eq;
  }
}

bool length(Vm& vm, Value v, int64_t* out) {
  for (Klass* k = type_of(vm, v); k != nullptr; k = k->base)
    if (k->len != nullptr) return k->len(vm, v, out);
  raise_type_error(vm, "object of type " + quoted_type(vm, v) + " has no len()");
  return false;
}

// -- iteration ----------------------------------------------------------------------

Value get_iter(Vm& vm, Value v) {
  for (Klass* k = type_of(vm, v); k != nullptr; k = k->base)
    if (k->iter != nullptr) return k->iter(vm, v);
  return raise_type_error(vm, quoted_type(vm, v) + " object is not iterable");
}

Value iter_next(Vm& vm, Value it) {
  for (Klass* k = type_of(vm, it); k != nullptr; k = k->base)
    if (k->iternext != nullptr) return k->iternext(vm, it);
  return raise_type_error(vm, quoted_type(vm, it) + " object is not an iterator");
}

// -- calls ----------------------------------------------------------------------------

Value call(Vm& vm, Value callable, const CallArgs& args) {
  if (!callable.is_obj()) return raise_type_error(vm, quoted_type(vm, callable) + " object is not callable");
  Klass* k = callable.as_obj()->klass;
  if (k == vm.types.native) {
    Native* n = callable.as<Native>();
    if (n->self.is_null()) return n->fn(vm, args);
    return call_with_self(vm, callable, n->self, args);
  }
  if (k == vm.types.function) return vm.call_python(vm, callable, args);
  if (k == vm.types.method) {
    BoundMethod* m = callable.as<BoundMethod>();
    return call_with_self(vm, m->func, m->self, args);
  }
  if (k == vm.types.type) {
    Klass* t = callable.as<Klass>();
    if (t->flags & kKlassUser) return class_call(vm, t, args);
    for (Klass* c = t; c != nullptr; c = c->base)
      if (c->construct != nullptr) {
        if (c != t && t->kind != TypeKind::EXCEPTION && c != vm.types.object) break;
        return c->construct(vm, args);
      }
    return raise_type_error(vm, "cannot create '" + std::string(t->name->view()) + "' instances");
  }
  for (Klass* c = k; c != nullptr; c = c->base)
    if (c->call != nullptr) {
      // Instance call: self first.
      size_t count = args.positional.size() + 1;
      Value* base = vm.sp;
      base[0] = callable;
      for (size_t i = 0; i < args.positional.size(); ++i) base[i + 1] = args.positional[i];
      vm.sp = base + count;
      Value r = c->call(vm, CallArgs{std::span<const Value>(base, count), args.kwvalues, args.kwnames});
      vm.sp = base;
      return r;
    }
  return raise_type_error(vm, quoted_type(vm, callable) + " object is not callable");
}

Value call_with_self(Vm& vm, Value func, Value self, const CallArgs& args) {
  size_t count = args.positional.size() + 1;
  size_t nkw = args.kwvalues.size();
  if (vm.sp + count + nkw + 1 >= vm.stack_limit)
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  Value* base = vm.sp;
  base[0] = self;
  std::copy(args.positional.begin(), args.positional.end(), base + 1);
  std::copy(args.kwvalues.begin(), args.kwvalues.end(), base + count);
  base[count + nkw] = func;  // keeps the callee rooted during the call
  vm.sp = base + count + nkw + 1;
  CallArgs bound{std::span<const Value>(base, count), std::span<const Value>(base + count, nkw), args.kwnames};
  Value r;
  if (func.is_obj() && func.as_obj()->klass == vm.types.native &&
      (func.as<Native>()->self.is_null() || func.as<Native>()->self == self)) {
    r = func.as<Native>()->fn(vm, bound);  // the native itself, with self made explicit
  } else {
    r = call(vm, func, bound);
  }
  vm.sp = base;
  return r;
}

Value call0(Vm& vm, Value callable) { return call(vm, callable, CallArgs{}); }

Value call1(Vm& vm, Value callable, Value a) {
  Value* base = vm.sp;
  base[0] = a;
  base[1] = callable;
  vm.sp = base + 2;
  Value r = call(vm, callable, CallArgs{std::span<const Value>(base, 1), {}, nullptr});
  vm.sp = base;
  return r;
}

Value call2(Vm& vm, Value callable, Value a, Value b) {
  Value* base = vm.sp;
  base[0] = a;
  base[1] = b;
  base[2] = callable;
  vm.sp = base + 3;
  Value r = call(vm, callable, CallArgs{std::span<const Value>(base, 2), {}, nullptr});
  vm.sp = base;
  return r;
}

// -- indices ----------------------------------------------------------------------------

bool index_value(Vm& vm, Value v, int64_t* out, const char* what) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (v.is_bool()) {
    *out = v.as_bool();
    return true;
  }
  // A heap int is outside the small-int range but may still fit a C ssize_t:
  // then the caller's range check answers ("string index out of range"), as in
  // CPython; only beyond 64 bits is it "cannot fit".
  if (v.is_obj() && v.as_obj()->klass == vm.types.int_) {
    if (int_to_int64(v, out)) return true;
    raise(vm, vm.types.IndexError, std::string("cannot fit 'int' into an index-sized integer"));
    return false;
  }
  if (type_of(vm, v)->flags & kKlassUser) {
    Value r = call_special(vm, v, "__index__", {});
    if (r.is_exception()) return false;
    if (!r.is_null()) {
      if (r.is_small_int() || r.is_bool()) return index_value(vm, r, out, what);
      if (r.is_obj() && r.as_obj()->klass == vm.types.int_) {
        if (int_to_int64(r, out)) return true;
        raise(vm, vm.types.IndexError,
              "cannot fit '" + std::string(type_name(vm, v)) + "' into an index-sized integer");
        return false;
      }
      raise_type_error(vm, "__index__ returned non-int (type " + std::string(type_name(vm, r)) + ")");
      return false;
    }
  }
  raise_type_error(vm, std::string(what) + " indices must be integers or slices, not " +
                           std::string(type_name(vm, v)));
  return false;
}

bool normalize_index(Vm& vm, int64_t* index, int64_t size, const char* what) {
  int64_t i = *index;
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise(vm, vm.types.IndexError, std::string(what) + " index out of range");
    return false;
  }
  *index = i;
  return true;
}

}  // namespace contrail::runtime
