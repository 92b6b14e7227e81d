// jit/recorder_calls.cpp -- Calls in a recording (jit/recorder.h): Python
// functions, methods and class instantiation inlined with their frames
// (frames_, rebuilt by exits), returns from them, returns below the anchor
// frame (RETF), and the built-in functions traces compile (len, abs, min,
// max, float, int, math functions, list.append). Other calls abort.
#include <cmath>
#include <string>
#include <vector>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "jit/recorder_fields.h"
#include "runtime/obj_str.h"
#include "runtime/ops.h"

namespace contrail::jit {

using namespace runtime;
using namespace fields;

// -- Calls ----------------------------------------------------------------------------------------

Recorder::Status Recorder::call(uint32_t nargs) {
  uint32_t fslot = sp_ - nargs - 2;
  IrRef f = slot(fslot);
  IrRef x = slot(fslot + 1);
  Value fn = concrete(fslot);
  if (!is_const(f)) {
    // Loaded from a slot (a side trace starting mid-expression): specialise
    // on the callable's identity.
    if (!fn.is_obj()) return abort("call of a non-object");
    guard(IrOp::GEQV, f, static_cast<int64_t>(fn.bits()));
    f = kval(fn);
    slot_[fslot] = f;
  }
  bool has_self = !(is_const(x) && const_val(x).is_null());
  std::vector<IrRef> args;
  std::vector<Value> cargs;
  for (uint32_t i = 0; i < nargs; ++i) {
    args.push_back(slot(fslot + 2 + i));
    cargs.push_back(concrete(fslot + 2 + i));
  }
  if (fn.is_obj() && fn.as_obj()->klass == vm_.types.type && !has_self && fn != Value::object(vm_.types.range)) {
    // A class with a plain Python __init__: a new instance, then __init__
    // inlined like a method call (the interpreter's push_init_frame).
    Klass* cls = fn.as<Klass>();
    Function* init = simple_init_of(vm_, cls);
    if (init == nullptr) return abort("call of class " + std::string(cls->name->view()));
    IrRef epoch = mem(IrOp::LDI, IrType::Int, kptr(&vm_.class_change_epoch), kNoRef, kNoRef, 0, kAliasHeader);
    guard(IrOp::GEQP, epoch, static_cast<int64_t>(vm_.class_change_epoch));
    keep_alive(cls);
    IrRef obj = call_helper(reinterpret_cast<const void*>(&helpers::instance_new), "instance_new", IrType::Val,
                            {kptr(&vm_), kptr(cls)}, true);
    guard_not_exception(obj);
    klass_[obj] = cls;
    set_slot(fslot, obj);
    set_slot(fslot + 1, obj);
    return inline_call(init, fslot, fslot + 1, nargs + 1, true);
  }
  if (fn == Value::object(vm_.types.range) && !has_self && nargs >= 1 && nargs <= 3) {
    for (IrRef a : args)
      if (type(a) != IrType::Int) return abort("range() of a non-int");
    IrRef start = nargs == 1 ? kint(0) : args[0];
    IrRef stop = nargs == 1 ? args[0] : args[1];
    IrRef step = nargs == 3 ? args[2] : kint(1);
    if (nargs == 3) {
      if (cargs[2].as_small_int() == 0) return abort("range() step 0");
      guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, step, kint(0)));
    }
    IrRef r = call_helper(reinterpret_cast<const void*>(&helpers::range_new), "range_new", IrType::Val,
                          {kptr(&vm_), start, stop, step}, true);
    guard_not_exception(r);
    klass_[r] = vm_.types.range;
    for (uint32_t i = 0; i < nargs + 2; ++i) pop();
    push(r);
    return Status::kContinue;
  }
  if (has_klass(fn, vm_.types.native) && fn.as<Native>()->self.is_null())
    return call_native(fn, has_self ? x : kNoRef, args, cargs);
  if (has_klass(fn, vm_.types.function)) return inline_call(fn.as<Function>(), fslot, has_self ? fslot + 1 : fslot + 2, nargs + (has_self ? 1 : 0));
  return abort("call of " + std::string(type_name(vm_, fn)));
}

// A call to a Python function continues recording in the callee: its
// frame's slots follow the caller's on the VM stack exactly as push_frame
// lays them out (arguments already in place, other locals NULL).
Recorder::Status Recorder::inline_call(Function* fn, uint32_t fslot, uint32_t args_slot, uint32_t nargs, bool init) {
  Code* c = fn->code;
  if (frames_.size() >= params_.maxinline) return abort("inlining too deep (maxinline)");
  if (nargs != c->argcount || c->kwonlyargcount != 0 || (c->flags & (kCodeVarargs | kCodeVarkeywords | kCodeGenerator)))
    return abort("call needs argument binding (defaults, keywords, *args)");
  if (c->ncells != 0 || c->nfree != 0) return abort("call of a function with cells");
  if (c->frame_size() > kMaxInlineFrameSlots) return abort("inlined frame too large");
  for (const InlineFrame& f : frames_)
    if (f.code == c) return abort("recursive call");
  if (c == frame_->code) return abort("recursive call");
  if (!entry_globals_.count(fn->globals) && stores_globals(c)) {
    if (version_globals_.count(fn->globals)) return abort("call of a function that stores globals read by version");
    entry_globals_.insert(fn->globals);
  }
  keep_alive(fn);
  InlineFrame f{fn, c, args_slot, pc_ + 1, fslot, init};
  frames_.push_back(f);
  ensure_slots(args_slot + c->nlocals + c->max_stack);
  trace_->max_depth = std::max(trace_->max_depth, static_cast<uint32_t>(frames_.size()));
  for (uint32_t i = nargs; i < c->nlocals; ++i) set_slot(args_slot + i, kval(Value::null()));
  sp_ = args_slot + c->nlocals;
  snap_stale_ = true;
  return Status::kContinue;
}

Recorder::Status Recorder::inline_return() {
  IrRef r = pop();
  InlineFrame f = frames_.back();
  if (f.init) {
    // __init__ must return None; the call's value is the instance.
    if (!(is_const(r) && const_val(r).is_none())) return abort("__init__ returns a value");
    r = slot_[f.result_slot];
  }
  frames_.pop_back();
  for (uint32_t i = f.result_slot; i < slot_.size(); ++i) {
    slot_[i] = kNoRef;
    dirty_[i] = 0;
  }
  sp_ = f.result_slot;
  push(r);
  return Status::kContinue;
}

// RETURN_VALUE in the anchor frame of a side trace: when the caller is an
// interpreter frame the trace can continue in (not a return to C++, not
// __init__'s, no generator), emit RETF and carry on recording in the caller,
// which becomes the anchor. Otherwise the trace ends here.
Recorder::Status Recorder::return_to_caller() {
  Frame* f = frame_;
  constexpr size_t kMaxReturns = 8;
  if (f->is_entry || f->is_init || f->gen != nullptr || f == vm_.frames || trace_->returns.size() >= kMaxReturns)
    return close_exit(pc_, false, 0);
  Frame* caller = f - 1;
  if (caller->gen != nullptr || caller->ns != nullptr || caller->pc == nullptr) return close_exit(pc_, false, 0);
  IrRef r = top();
  UpReturn d;
  d.caller_code = caller->code;
  d.caller_pc = caller->pc;
  d.caller_globals = caller->globals;
  d.locals_delta = static_cast<int32_t>(caller->locals - f->locals);
  d.result_delta = static_cast<int32_t>(f->result_slot - f->locals);
  d.vm_frame = &vm_.frame;
  keep_alive(caller->code);
  keep_alive(caller->globals);
  keep_alive(caller->func);
  trace_->returns.push_back(d);
  Ins ret{};
  ret.op = IrOp::RETF;
  ret.type = IrType::Void;
  ret.imm = static_cast<int64_t>(trace_->returns.size() - 1);
  ret.snap = snapshot();  // resumes at RETURN_VALUE in the callee
  fold_emit(*trace_, fold_, ret);
  returned_ = true;
  // Re-anchor on the caller: its slots were never touched by this trace.
  frame_ = caller;
  anchor_ = caller->locals;
  Code* c = caller->code;
  nfixed_ = c->nlocals + c->ncells + c->nfree;
  std::fill(slot_.begin(), slot_.end(), kNoRef);
  std::fill(dirty_.begin(), dirty_.end(), 0);
  ensure_slots(nfixed_ + c->max_stack);
  sp_ = static_cast<uint32_t>(d.result_delta - d.locals_delta);
  snap_stale_ = true;
  push(r);
  return Status::kContinue;
}

Recorder::Status Recorder::call_native(Value fn, IrRef self, const std::vector<IrRef>& args,
                                       const std::vector<Value>& cargs) {
  Native* n = fn.as<Native>();
  std::string_view name = n->name->view();
  auto finish = [&](IrRef r) {
    uint32_t total = static_cast<uint32_t>(args.size()) + 2;
    for (uint32_t i = 0; i < total; ++i) pop();
    push(r);
    return Status::kContinue;
  };
  auto is_builtin = [&](const char* bname) {
    return dict_get_str(vm_.builtins, str_intern(vm_, bname)) == fn;
  };
  auto is_math = [&](std::string_view fname) -> bool {
    if (name != fname) return false;
    Value m = dict_get_str(vm_.modules, str_intern(vm_, "math"));
    return m.is_obj() && has_klass(m, vm_.types.module) && dict_get_str(m.as<Module>()->dict, n->name) == fn;
  };
  auto num = [&](IrRef r) { return type(r) == IrType::Int || type(r) == IrType::Flt; };
  if (self != kNoRef) {
    // list.append(x)
    if (n->owner == vm_.types.list && name == "append" && args.size() == 1 && klass_of(self) == vm_.types.list) {
      IrRef ok = call_helper(reinterpret_cast<const void*>(&helpers::list_append), "list_append", IrType::Int,
                             {kptr(&vm_), emit(IrOp::OBJPTR, IrType::Ptr, self), box(args[0])}, true);
      guard(IrOp::GEQP, ok, 1);
      uint32_t total = static_cast<uint32_t>(args.size()) + 2;
      for (uint32_t k = 0; k < total; ++k) pop();
      push(kval(Value::none()));
      return Status::kContinue;
    }
    return abort("call of method " + std::string(name));
  }
  if (args.size() == 1 && is_builtin("len")) {
    Klass* k = klass_of(args[0]);
    if (k == vm_.types.list || k == vm_.types.tuple) {
      IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, args[0]);
      return finish(mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, k == vm_.types.list ? kListSize : kTupleSize, k == vm_.types.list ? kAliasListSize : kAliasTupleItem));
    }
    return abort("len() of " + std::string(type_name(vm_, cargs[0])));
  }
  if (args.size() == 1 && is_builtin("abs") && num(args[0])) {
    if (type(args[0]) == IrType::Flt) return finish(emit(IrOp::FABS, IrType::Flt, args[0]));
    IrRef neg = emit(IrOp::LT, IrType::Bool, args[0], kint(0));
    if (cargs[0].as_small_int() < 0) {
      guard(IrOp::GTRUE, neg);
      IrRef r = guard(IrOp::NEGOV, args[0]);
      trace_->ir[r].type = IrType::Int;
      return finish(r);
    }
    guard(IrOp::GFALSE, neg);
    return finish(args[0]);
  }
  if (args.size() == 1 && is_builtin("float") && num(args[0])) return finish(to_float(args[0]));
  if (args.size() == 1 && is_builtin("int") && type(args[0]) == IrType::Int) return finish(args[0]);
  if (args.size() == 2 && (is_builtin("min") || is_builtin("max")) && num(args[0]) && num(args[1])) {
    // min(a, b) is a unless b < a (first of equals wins); max(a, b) is a unless b > a.
    bool is_min = name == "min";
    IrRef a = args[0], b = args[1];
    IrRef cond;
    bool ints = type(a) == IrType::Int && type(b) == IrType::Int;
    if (ints) cond = emit(is_min ? IrOp::LT : IrOp::GT, IrType::Bool, b, a);
    else if (type(a) == type(b)) cond = emit(is_min ? IrOp::FLT : IrOp::FGT, IrType::Bool, b, a);
    else return abort("min/max of mixed int and float");
    double cb = cargs[1].is_double() ? cargs[1].as_double() : static_cast<double>(cargs[1].as_small_int());
    double ca = cargs[0].is_double() ? cargs[0].as_double() : static_cast<double>(cargs[0].as_small_int());
    bool takes_b = is_min ? cb < ca : cb > ca;
    guard(takes_b ? IrOp::GTRUE : IrOp::GFALSE, cond);
    return finish(takes_b ? b : a);
  }
  if (args.size() == 1 && num(args[0])) {
    if (is_math("sqrt")) {
      double x = cargs[0].is_double() ? cargs[0].as_double() : static_cast<double>(cargs[0].as_small_int());
      if (!(x >= 0)) return abort("math.sqrt of a negative number or nan");
      IrRef fx = to_float(args[0]);
      guard(IrOp::GTRUE, emit(IrOp::FGE, IrType::Bool, fx, kflt(0.0)));
      return finish(emit(IrOp::FSQRT, IrType::Flt, fx));
    }
    using D1 = double (*)(double);
    struct MathFn {
      const char* name;
      D1 fn;
    };
    static const MathFn kMath[] = {{"sin", static_cast<D1>(std::sin)}, {"cos", static_cast<D1>(std::cos)},
                                   {"tan", static_cast<D1>(std::tan)}, {"atan", static_cast<D1>(std::atan)},
                                   {"exp", static_cast<D1>(std::exp)}};
    for (const MathFn& m : kMath) {
      if (!is_math(m.name)) continue;
      double x = cargs[0].is_double() ? cargs[0].as_double() : static_cast<double>(cargs[0].as_small_int());
      if (!std::isfinite(x) || (m.fn == static_cast<D1>(std::exp) && x > 700)) return abort("math function domain");
      IrRef fx = to_float(args[0]);
      if (m.fn == static_cast<D1>(std::exp)) guard(IrOp::GTRUE, emit(IrOp::FLE, IrType::Bool, fx, kflt(700.0)));
      else {
        // sin/cos/tan of +-inf raise ValueError; nan passes through (guard x - x == 0).
        IrRef diff = emit(IrOp::FSUB, IrType::Flt, fx, fx);
        guard(IrOp::GTRUE, emit(IrOp::FEQ, IrType::Bool, diff, kflt(0.0)));
      }
      return finish(call_helper(reinterpret_cast<const void*>(m.fn), m.name, IrType::Flt, {fx}, false, true));
    }
  }
  return abort("call of builtin " + std::string(name));
}

}  // namespace contrail::jit
