// runtime/obj_generator.cpp -- The generator type: iteration, send, throw,
// close and introspection. Resuming the frame is the interpreter's job
// (Vm::resume_generator); this file only implements the protocol around it.
#include "runtime/obj_generator.h"

#include <cstdio>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"

namespace contrail::runtime {

namespace {

void trace_generator(Obj* self, Tracer& t) {
  auto* g = static_cast<Generator*>(self);
  t.visit(g->func);
  t.visit(g->code);
  t.visit(g->globals);
  t.visit(g->frame);
}

Value raise_stop_iteration(Vm& vm, Value value) {
  RootValue v(vm, value);
  Value args = value.is_none() ? tuple_new(vm, 0) : tuple_from(vm, std::span<const Value>(v.slot(), 1));
  if (args.is_exception()) return args;
  Value e = exception_with_args(vm, vm.types.StopIteration, args);
  if (e.is_exception()) return e;
  return raise_value(vm, e);
}

Value gen_iternext(Vm& vm, Value self) { return generator_next(vm, self); }
Value gen_iter(Vm&, Value self) { return self; }

Value gen_repr(Vm& vm, Value self) {
  Generator* g = self.as<Generator>();
  char buf[48];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
  std::string s = "<generator object ";
  s += g->code->qualname->view();
  s += buf;
  return str_new(vm, s);
}

Value gen_next_method(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "__next__", 1, 1)) return Value::exception();
  Value r = generator_next(vm, args.positional[0]);
  if (r.is_null()) return raise_stop_iteration(vm, Value::none());
  return r;
}

Value gen_send_method(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 2)
    return raise(vm, vm.types.TypeError, "generator.send() takes exactly one argument (" +
                                             std::to_string(args.positional.size() - 1) + " given)");
  return generator_send(vm, args.positional[0], args.positional[1]);
}

Value gen_throw_method(Vm& vm, const CallArgs& args) {
  if (args.positional.size() < 2) return raise(vm, vm.types.TypeError, "throw expected at least 1 argument, got 0");
  Value exc = args.positional[1];
  RootValue self(vm, args.positional[0]);
  RootValue e(vm, exc);
  if (exc.is_obj() && exc.as_obj()->klass == vm.types.type) {
    Value* base = vm.sp;
    size_t n = 0;
    if (args.positional.size() > 2 && !args.positional[2].is_none()) base[n++] = args.positional[2];
    vm.sp = base + n;
    e.set(call(vm, exc, CallArgs{std::span<const Value>(base, n), {}, nullptr}));
    vm.sp = base;
    if (e.get().is_exception()) return Value::exception();
  }
  if (!is_instance(vm, e, vm.types.BaseException))
    return raise(vm, vm.types.TypeError, "exceptions must derive from BaseException");
  return generator_throw(vm, self, e);
}

Value gen_close_method(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "close", 1, 1)) return Value::exception();
  RootValue self(vm, args.positional[0]);
  Generator* g = self.get().as<Generator>();
  if (g->state == kGenCreated || g->state == kGenDone) {
    g->state = kGenDone;
    return Value::none();
  }
  RootValue exc(vm, exception_with_args(vm, vm.types.GeneratorExit, tuple_new(vm, 0)));
  if (exc.get().is_exception()) return Value::exception();
  Value returned = Value::none();
  Value r = vm.resume_generator(vm, self.get().as_obj(), Value::none(), exc, &returned);
  if (r.is_exception()) {
    if (is_instance(vm, vm.pending, vm.types.GeneratorExit) || is_instance(vm, vm.pending, vm.types.StopIteration)) {
      vm.pending = Value::null();
      return Value::none();
    }
    return r;
  }
  if (r.is_null()) return Value::none();
  return raise(vm, vm.types.RuntimeError, "generator ignored GeneratorExit");
}

Value gen_getattr(Vm& vm, Value self, Str* name) {
  Generator* g = self.as<Generator>();
  std::string_view n = name->view();
  if (n == "__name__") return Value::object(g->code->name);
  if (n == "__qualname__") return Value::object(g->code->qualname);
  if (n == "gi_running") return Value::boolean(g->state == kGenRunning);
  if (n == "gi_code") return Value::object(g->code);
  (void)vm;
  return Value::null();
}

}  // namespace

Value generator_next(Vm& vm, Value gen) {
  Value returned = Value::none();
  return vm.resume_generator(vm, gen.as_obj(), Value::none(), Value::null(), &returned);
}

Value generator_send(Vm& vm, Value gen, Value v) {
  Value returned = Value::none();
  Value r = vm.resume_generator(vm, gen.as_obj(), v, Value::null(), &returned);
  if (r.is_null()) return raise_stop_iteration(vm, returned);
  return r;
}

Value generator_throw(Vm& vm, Value gen, Value exc) {
  Value returned = Value::none();
  Value r = vm.resume_generator(vm, gen.as_obj(), Value::none(), exc, &returned);
  if (r.is_null()) return raise_stop_iteration(vm, returned);
  return r;
}

void init_generator_type(Vm& vm) {
  Klass* k = vm.types.generator;
  k->trace = trace_generator;
  k->iter = gen_iter;
  k->iternext = gen_iternext;
  k->repr = gen_repr;
  k->getattr = gen_getattr;
  add_method(vm, k, "__next__", gen_next_method);
  add_method(vm, k, "send", gen_send_method);
  add_method(vm, k, "throw", gen_throw_method);
  add_method(vm, k, "close", gen_close_method);
}

}  // namespace contrail::runtime
