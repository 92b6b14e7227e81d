// runtime/obj_exception.cpp -- Exception objects: construction, str/repr,
// attributes, and the raise helpers every runtime function uses.
#include "runtime/obj_exception.h"

#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/obj_list.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

Value tuple_from_iterable(Vm& vm, Value v);

void trace_exception(Obj* self, Tracer& t) {
  auto* e = static_cast<Exception*>(self);
  t.visit(e->args);
  t.visit(e->traceback);
  t.visit(e->cause);
  t.visit(e->context);
  t.visit(e->dict);
  t.visit(e->hint);
  t.visit(e->attr_obj);
  t.visit(e->attr_name);
}

Value exception_construct_as(Vm& vm, Klass* type, const CallArgs& args) {
  RootValue tuple(vm, tuple_from(vm, args.positional));
  if (tuple.get().is_exception()) return Value::exception();
  return exception_with_args(vm, type, tuple);
}

Value exception_repr(Vm& vm, Value self) {
  Exception* e = self.as<Exception>();
  std::string s(e->klass->name->view());
  if (e->args != nullptr && e->args->size == 1) {
    s += "(";
    if (!repr_append(vm, s, e->args->items[0])) return Value::exception();
    s += ")";
  } else if (e->args != nullptr) {
    std::string t;
    if (!repr_append(vm, t, Value::object(e->args))) return Value::exception();
    s += t;
  } else {
    s += "()";
  }
  return str_new(vm, s);
}

Value exception_str_slot(Vm& vm, Value self) { return exception_str(vm, self); }

Value exception_getattr(Vm& vm, Value self, Str* name) {
  Exception* e = self.as<Exception>();
  std::string_view n = name->view();
  if (n == "args") return e->args ? Value::object(e->args) : Value::none();
  if (n == "__cause__") return e->cause;
  if (n == "__context__") return e->context;
  if (n == "__suppress_context__") return Value::boolean(e->suppress_context != 0);
  if (n == "__traceback__") return e->traceback ? Value::object(e->traceback) : Value::none();
  bool has_arg = e->args != nullptr && e->args->size > 0;
  if (n == "value" && klass_is_subclass(e->klass, vm.types.StopIteration))
    return has_arg ? e->args->items[0] : Value::none();
  if (n == "code" && klass_is_subclass(e->klass, vm.types.SystemExit)) {
    if (!has_arg) return Value::none();
    return e->args->size == 1 ? e->args->items[0] : Value::object(e->args);
  }
  if (n == "name" && klass_is_subclass(e->klass, vm.types.AttributeError) && !e->attr_name.is_none())
    return e->attr_name;
  if ((n == "name" || n == "path") && klass_is_subclass(e->klass, vm.types.ImportError)) {
    Value v = e->dict ? dict_get_str(e->dict, name) : Value::null();
    return v.is_null() ? Value::none() : v;
  }
  if (n == "obj" && klass_is_subclass(e->klass, vm.types.AttributeError)) return e->attr_obj;
  if (e->dict != nullptr) return dict_get_str(e->dict, name);
  return Value::null();
}

bool exception_setattr(Vm& vm, Value self, Str* name, Value v) {
  std::string_view n = name->view();
  if (n == "args" && !v.is_null()) {
    RootValue rs(vm, self);
    Value t = tuple_from_iterable(vm, v);
    if (t.is_exception()) return false;
    rs.get().as<Exception>()->args = t.as<Tuple>();
    return true;
  }
  Exception* e = self.as<Exception>();
  if (n == "__cause__" && !v.is_null()) {
    e->cause = v;
    e->suppress_context = 1;
    return true;
  }
  if (n == "__context__" && !v.is_null()) {
    e->context = v;
    return true;
  }
  if (n == "__suppress_context__" && !v.is_null()) {
    e->suppress_context = v.is_true();
    return true;
  }
  if (n == "__traceback__" && !v.is_null()) {
    e->traceback = v.is_none() ? nullptr : v.as<Traceback>();
    return true;
  }
  if (v.is_null()) {
    Value old = e->dict ? dict_pop(vm, e->dict, Value::object(name)) : Value::null();
    if (old.is_exception()) return false;
    if (old.is_null()) {
      raise(vm, vm.types.AttributeError, "'" + std::string(e->klass->name->view()) + "' object has no attribute '" +
                                             std::string(n) + "'");
      return false;
    }
    return true;
  }
  if (e->dict == nullptr) {
    RootValue rs(vm, self), rv(vm, v);
    Root<Str> rn(vm, name);
    Value d = dict_new(vm);
    if (d.is_exception()) return false;
    rs.get().as<Exception>()->dict = d.as<Dict>();
    return dict_set(vm, d.as<Dict>(), Value::object(rn.get()), rv);
  }
  return dict_set(vm, e->dict, Value::object(name), v);
}

Value tuple_from_iterable(Vm& vm, Value v) {
  if (v.is_obj() && v.as_obj()->klass == vm.types.tuple) return v;
  RootValue it(vm, get_iter(vm, v));
  if (it.get().is_exception()) return Value::exception();
  RootValue l(vm, list_new(vm));
  if (l.get().is_exception()) return Value::exception();
  for (;;) {
    Value x = iter_next(vm, it);
    if (x.is_exception()) return x;
    if (x.is_null()) break;
    if (!list_append(vm, l.get().as<List>(), x)) return Value::exception();
  }
  return tuple_from(vm, l.get().as<List>()->span());
}

}  // namespace

Value exception_with_args(Vm& vm, Klass* type, Value args_tuple) {
  RootValue args(vm, args_tuple);
  Root<Klass> k(vm, type);
  Exception* e = vm.alloc<Exception>(k);
  if (e == nullptr) return Value::exception();
  e->args = args.get().as<Tuple>();
  e->cause = Value::none();
  e->context = Value::none();
  e->hint = Value::none();
  e->attr_obj = Value::none();
  e->attr_name = Value::none();
  return Value::object(e);
}

Value exception_new(Vm& vm, Klass* type, std::string_view message) {
  Root<Klass> k(vm, type);
  RootValue msg(vm, str_new(vm, message));
  if (msg.get().is_exception()) return Value::exception();
  RootValue args(vm, tuple_from(vm, std::span<const Value>(msg.slot(), 1)));
  if (args.get().is_exception()) return Value::exception();
  return exception_with_args(vm, k, args);
}

Value raise_value(Vm& vm, Value exc) {
  vm.pending = exc;
  return Value::exception();
}

Value raise(Vm& vm, Klass* type, std::string_view message) {
  Value e = exception_new(vm, type, message);
  if (e.is_exception()) return e;  // MemoryError is pending instead
  return raise_value(vm, e);
}

Value raise_key_error(Vm& vm, Value key) {
  RootValue k(vm, key);
  RootValue args(vm, tuple_from(vm, std::span<const Value>(k.slot(), 1)));
  if (args.get().is_exception()) return Value::exception();
  Value e = exception_with_args(vm, vm.types.KeyError, args);
  if (e.is_exception()) return e;
  return raise_value(vm, e);
}

Value exception_str(Vm& vm, Value exc) {
  Exception* e = exc.as<Exception>();
  if (e->args == nullptr || e->args->size == 0) return Value::object(vm.names.empty);
  if (e->args->size == 1) {
    if (klass_is_subclass(e->klass, vm.types.KeyError)) return repr(vm, e->args->items[0]);
    return to_str(vm, e->args->items[0]);
  }
  return repr(vm, Value::object(e->args));
}

void init_exception_types(Vm& vm) {
  Klass* base = vm.types.BaseException;
  base->trace = trace_exception;
  base->repr = exception_repr;
  base->str = exception_str_slot;
  base->getattr = exception_getattr;
  base->setattr = exception_setattr;
#define CT_EXC_CONSTRUCT(name, base_)                                                  \
  vm.types.name->trace = trace_exception;                                              \
  vm.types.name->construct = [](Vm& v, const CallArgs& a) {                            \
    return exception_construct_as(v, v.types.name, a);                                 \
  };
  CT_EXCEPTIONS(CT_EXC_CONSTRUCT)
#undef CT_EXC_CONSTRUCT
}

}  // namespace contrail::runtime
