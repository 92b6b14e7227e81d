// runtime/obj_func.cpp -- function, builtin_function_or_method, method, code,
// cell and raw-array types: allocation, GC tracing and reprs.
#include "runtime/obj_func.h"

#include <cstdio>
#include <string>

#include "runtime/inline_cache.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"

namespace contrail::runtime {

namespace {

void trace_code(Obj* self, Tracer& t) {
  auto* c = static_cast<Code*>(self);
  t.visit(c->name);
  t.visit(c->qualname);
  t.visit(c->filename);
  t.visit(c->consts);
  t.visit(c->names);
  t.visit(c->varnames);
  t.visit(c->cellvars);
  t.visit(c->freevars);
  t.visit(c->words);
  t.visit(c->lines);
  t.visit(c->exc_table);
  t.visit(c->cell_param);
  t.visit(c->counters);
  t.visit(c->caches);
  if (c->caches != nullptr) {
    InlineCache* ic = c->caches->as<InlineCache>();
    for (uint32_t i = 0; i < c->ninstr; ++i) {
      if (ic[i].klass == nullptr && ic[i].dict == nullptr) continue;
      t.visit(ic[i].klass);
      t.visit(ic[i].shape);
      t.visit(ic[i].shape2);
      t.visit(ic[i].dict);
      t.visit(ic[i].value);
    }
  }}

void trace_function(Obj* self, Tracer& t) {
  auto* f = static_cast<Function*>(self);
  t.visit(f->code);
  t.visit(f->globals);
  t.visit(f->defaults);
  t.visit(f->kwdefaults);
  t.visit(f->closure);
  t.visit(f->name);
  t.visit(f->qualname);
  t.visit(f->dict);
  t.visit(f->module);
}

void trace_cell(Obj* self, Tracer& t) { t.visit(static_cast<Cell*>(self)->value); }

void trace_bound(Obj* self, Tracer& t) {
  auto* m = static_cast<BoundMethod*>(self);
  t.visit(m->func);
  t.visit(m->self);
}

void trace_native(Obj* self, Tracer& t) {
  auto* n = static_cast<Native*>(self);
  t.visit(n->name);
  t.visit(n->self);
  t.visit(n->owner);
}

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

Value function_repr(Vm& vm, Value self) {
  Function* f = self.as<Function>();
  std::string s = "<function ";
  s += f->qualname->view();
  s += " at " + address(f) + ">";
  return str_new(vm, s);
}

Value native_repr(Vm& vm, Value self) {
  Native* n = self.as<Native>();
  std::string s;
  if (n->self.is_null()) {
    if (n->owner != nullptr) {
      s = "<method '";
      s += n->name->view();
      s += "' of '";
      s += n->owner->name->view();
      s += "' objects>";
    } else {
      s = "<built-in function ";
      s += n->name->view();
      s += ">";
    }
  } else {
    s = "<built-in method ";
    s += n->name->view();
    s += " of ";
    s += type_name(vm, n->self);
    s += " object at " + address(n->self.is_obj() ? n->self.as_obj() : nullptr) + ">";
  }
  return str_new(vm, s);
}

Value bound_repr(Vm& vm, Value self) {
  BoundMethod* m = self.as<BoundMethod>();
  if (m->func.is_obj() && m->func.as_obj()->klass == vm.types.native) {
    Native* n = m->func.as<Native>();
    std::string s = "<built-in method ";
    s += n->name->view();
    s += " of ";
    s += type_name(vm, m->self);
    s += " object at " + address(m->self.is_obj() ? m->self.as_obj() : nullptr) + ">";
    return str_new(vm, s);
  }
  std::string s = "<bound method ";
  if (m->func.is_obj() && m->func.as_obj()->klass == vm.types.function)
    s += m->func.as<Function>()->qualname->view();
  s += " of ";
  if (!repr_append(vm, s, m->self)) return Value::exception();
  s += ">";
  return str_new(vm, s);
}

Value code_repr(Vm& vm, Value self) {
  Code* c = self.as<Code>();
  std::string s = "<code object ";
  s += c->name->view();
  s += " at " + address(c) + ", file \"";
  s += c->filename->view();
  s += "\", line " + std::to_string(c->first_line) + ">";
  return str_new(vm, s);
}

Value cell_repr(Vm& vm, Value self) {
  return str_new(vm, "<cell at " + address(self.as_obj()) + ">");
}

Value function_getattr(Vm& vm, Value self, Str* name) {
  Function* f = self.as<Function>();
  std::string_view n = name->view();
  if (n == "__name__") return Value::object(f->name);
  if (n == "__qualname__") return Value::object(f->qualname);
  if (n == "__module__") return f->module;
  if (n == "__code__") return Value::object(f->code);
  if (n == "__defaults__") return f->defaults ? Value::object(f->defaults) : Value::none();
  if (n == "__kwdefaults__") return f->kwdefaults ? Value::object(f->kwdefaults) : Value::none();
  if (n == "__globals__") return Value::object(f->globals);
  if (n == "__closure__") return f->closure ? Value::object(f->closure) : Value::none();
  if (n == "__dict__") {
    if (f->dict == nullptr) {
      RootValue rf(vm, self);
      Value d = dict_new(vm);
      if (d.is_exception()) return d;
      rf.get().as<Function>()->dict = d.as<Dict>();
    }
    return Value::object(self.as<Function>()->dict);
  }
  if (n == "__doc__") {
    if (f->dict != nullptr) {
      Value d = dict_get_str(f->dict, name);
      if (!d.is_null()) return d;
    }
    // The compiler puts a function's docstring (or None) in consts[0].
    Value doc = f->code->consts->size > 0 ? f->code->consts->items[0] : Value::none();
    return doc.is_obj() && doc.as_obj()->klass == vm.types.str ? doc : Value::none();
  }
  if (f->dict != nullptr) {
    Value v = dict_get_str(f->dict, name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}

Value native_getattr(Vm&, Value self, Str* name) {
  Native* n = self.as<Native>();
  if (name->view() == "__name__" || name->view() == "__qualname__") return Value::object(n->name);
  if (name->view() == "__self__") return n->self.is_null() ? Value::none() : n->self;
  return Value::null();
}

Value bound_getattr(Vm& vm, Value self, Str* name) {
  BoundMethod* m = self.as<BoundMethod>();
  std::string_view n = name->view();
  if (n == "__self__") return m->self;
  if (n == "__func__") return m->func;
  if (n == "__name__" || n == "__qualname__" || n == "__doc__" || n == "__module__")
    return get_attr_opt(vm, m->func, name);
  return Value::null();
}

bool bound_hash(Vm& vm, Value self, int64_t* out) {
  BoundMethod* m = self.as<BoundMethod>();
  int64_t a, b;
  if (!hash_value(vm, m->func, &a) || !hash_value(vm, m->self, &b)) return false;
  *out = a ^ (b * 1000003);
  if (*out == -1) *out = -2;
  return true;
}

}  // namespace

Value native_new(Vm& vm, const char* name, NativeFn fn, Klass* owner) {
  Root<Str> n(vm, str_intern(vm, name));
  Root<Klass> o(vm, owner);
  Native* f = vm.alloc<Native>(vm.types.native);
  if (f == nullptr) return Value::exception();
  f->fn = fn;
  f->name = n;
  f->self = Value::null();
  f->owner = o;
  return Value::object(f);
}

Value bound_method_new(Vm& vm, Value func, Value self) {
  RootValue rf(vm, func), rs(vm, self);
  BoundMethod* m = vm.alloc<BoundMethod>(vm.types.method);
  if (m == nullptr) return Value::exception();
  m->func = rf;
  m->self = rs;
  return Value::object(m);
}

Value cell_new(Vm& vm, Value v) {
  RootValue rv(vm, v);
  Cell* c = vm.alloc<Cell>(vm.types.cell);
  if (c == nullptr) return Value::exception();
  c->value = rv;
  return Value::object(c);
}

RawArray* raw_array_new(Vm& vm, uint64_t bytes) {
  RawArray* a = vm.alloc<RawArray>(vm.types.raw_array, sizeof(RawArray) + bytes);
  if (a != nullptr) a->bytes = bytes;
  return a;
}

void init_func_types(Vm& vm) {
  Types& t = vm.types;
  t.code->trace = trace_code;
  t.code->repr = code_repr;
  t.function->trace = trace_function;
  t.function->repr = function_repr;
  t.function->getattr = function_getattr;
  t.native->trace = trace_native;
  t.native->repr = native_repr;
  t.native->getattr = native_getattr;
  t.method->trace = trace_bound;
  t.method->repr = bound_repr;
  t.method->hash = bound_hash;
  t.method->getattr = bound_getattr;
  t.cell->trace = trace_cell;
  t.cell->repr = cell_repr;
}

}  // namespace contrail::runtime
