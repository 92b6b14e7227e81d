// jit/recorder.cpp -- Bytecode -> trace IR (jit/recorder.h).
// Covered: locals and cells, constants, globals, builtins and module
// attributes (guarded by dict versions; globals of code that stores globals,
// module-level loops included, live in their dict entries instead), small-int arithmetic with overflow
// guards, float and mixed arithmetic, comparisons and branches, while loops,
// for over range and lists (range() and iter() included), list and tuple
// indexing and unpacking, list stores, dict/set membership and dict items with
// plain keys, len/abs/min/max/float/int, math functions, list.append,
// instance attribute loads and stores guarded by shape, calls to Python
// functions and methods and class instantiation (inlined). How a recording
// ends (peeling, links, exits) is jit/recorder_close.cpp; calls, inlining and
// returns are jit/recorder_calls.cpp. Everything else aborts with a reason.
#include "jit/recorder.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>

#include "jit/helpers.h"
#include "jit/recorder_fields.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::jit {

using namespace runtime;
using namespace fields;

Recorder::Recorder(Vm& vm, Frame* frame, Trace* trace, const Params& params, TraceAt trace_at)
    : vm_(vm), frame_(frame), anchor_(frame->locals), trace_(trace), params_(params), trace_at_(std::move(trace_at)) {
  Code* code = frame->code;
  nfixed_ = code->nlocals + code->ncells + code->nfree;
  ensure_slots(nfixed_ + code->max_stack);
  sp_ = static_cast<uint32_t>(vm.sp - frame->locals);
  keep_alive(code);
  if (stores_globals(code)) entry_globals_.insert(frame->globals);
  {
    // The root loop's extent: from its header to its last back-edge.
    const uint32_t* words = code->code();
    uint32_t end = 0;
    for (uint32_t i = trace->root_pc; trace->root_code == code && i < code->ninstr; ++i)
      if (static_cast<Op>(words[i] & 0xff) == Op::JUMP_BACKWARD && (words[i] >> 8) == trace->root_pc) end = i;
    if (trace->parent < 0) loop_end_ = end;
    else root_loop_end_ = end;
  }
  unroll_left_ = params.loopunroll;
  // Entered from another trace (a link or a side exit), vm.sp may be lower than
  // this trace's entry stack: publish it, so the GC scans every slot in memory.
  emit(IrOp::SETSP, IrType::Void, kptr(&vm.sp), kNoRef, kNoRef, sp_);
}

void Recorder::ensure_slots(uint32_t n) {
  if (slot_.size() < n) {
    slot_.resize(n, kNoRef);
    dirty_.resize(n, 0);
  }
  trace_->max_slots = std::max(trace_->max_slots, n);
}

void Recorder::start_in_inlined_frames(const Trace& parent, const Snapshot& snap) {
  for (uint32_t k = 0; k < snap.nframes; ++k) {
    const SnapFrame& sf = parent.snap_frames[snap.first_frame + k];
    uint32_t return_pc = k == 0 ? snap.pc : parent.snap_frames[snap.first_frame + k - 1].pc;
    Code* c = sf.func->code;
    frames_.push_back(InlineFrame{sf.func, c, sf.base, return_pc, sf.result_slot, sf.init});
    keep_alive(sf.func);
    ensure_slots(sf.base + c->nlocals + c->max_stack);
  }
  trace_->max_depth = static_cast<uint32_t>(frames_.size());
}

void Recorder::inherit(const Trace& parent, const Snapshot& snap) {
  if (trace_->ir.size() > 2 || parent.locs.size() != parent.ir.size()) return;  // only KPTR, SETSP so far
  for (uint32_t i = 0; i < snap.count; ++i) {
    const SnapEntry& e = parent.snap_entries[snap.first + i];
    const Loc& loc = parent.locs[e.ref];
    if (loc.kind == Loc::kNone || (loc.kind == Loc::kSpill && loc.spill < 0) || e.slot >= slot_.size()) return;
  }
  // All PVALs first (the backend moves them into place as one parallel move
  // before any other code), then type guards on the boxed ones.
  std::vector<std::pair<uint32_t, IrRef>> boxed;
  for (uint32_t i = 0; i < snap.count; ++i) {
    const SnapEntry& e = parent.snap_entries[snap.first + i];
    const Ins& pin = parent.ir[e.ref];
    // A parent constant is a value here too, not a constant: a side trace
    // that closes a loop on itself (peel_loop) repeats its first iteration,
    // and guards folded away on a constant would be missing from the copy.
    trace_->inherited.push_back(Inherited{parent.locs[e.ref], e.slot, pin.imm});
    if (pin.type == IrType::Val && ir_is_const(pin.op)) keep_alive_value(Value::from_bits(static_cast<uint64_t>(pin.imm)));
    Ins pv{};
    pv.op = IrOp::PVAL;
    pv.type = pin.type;
    pv.imm = static_cast<int64_t>(trace_->inherited.size() - 1);
    IrRef r = trace_->emit(pv);
    if (pin.type == IrType::Val) boxed.emplace_back(e.slot, r);
    slot_[e.slot] = r;
    dirty_[e.slot] = 1;
  }
  // Slots the parent loaded and checked but never wrote: their typed values
  // (memory still holds them boxed, so they stay clean here).
  for (uint32_t i = 0; i < snap.nclean; ++i) {
    const CleanEntry& e = parent.clean_entries[snap.first_clean + i];
    if (e.ref == kNoRef || e.slot >= slot_.size() || slot_[e.slot] != kNoRef) continue;
    const Loc& loc = parent.locs[e.ref];
    if (loc.kind != Loc::kGpr && loc.kind != Loc::kXmm && !(loc.kind == Loc::kSpill && loc.spill >= 0)) continue;
    const Ins& pin = parent.ir[e.ref];
    trace_->inherited.push_back(Inherited{loc, e.slot, pin.imm});
    Ins pv{};
    pv.op = IrOp::PVAL;
    pv.type = pin.type;
    pv.imm = static_cast<int64_t>(trace_->inherited.size() - 1);
    IrRef r = trace_->emit(pv);
    if (e.klass != nullptr) {
      keep_alive(e.klass);
      klass_[r] = e.klass;
    }
    slot_[e.slot] = r;
    dirty_[e.slot] = 0;
  }
  trace_->inherits = true;
  snap_stale_ = true;
  // Type guards resume where the trace starts (the innermost frame's pc).
  pc_ = snap.nframes > 0 ? parent.snap_frames[snap.first_frame + snap.nframes - 1].pc : snap.pc;
  for (auto [s, r] : boxed) slot_[s] = specialise(r, concrete(s));
}

// A side trace records up to loopunroll iterations of a compiled loop nested
// in its root's loop (like LuaJIT's loopunroll): an inner loop that runs a
// few times per outer iteration then costs no hand-over to its trace and
// back. Longer runs link to the loop's trace once the budget is spent.
bool Recorder::unrolls(const LoopTrace& target, uint32_t header_pc) const {
  return target.id >= 0 && target.is_loop && target.id != trace_->root && trace_->parent >= 0 && unroll_left_ > 0 &&
         frames_.empty() && !returned_ && frame_->code == trace_->root_code && header_pc > trace_->root_pc &&
         header_pc < root_loop_end_;
}

Code* Recorder::code() const { return frames_.empty() ? frame_->code : frames_.back().code; }
Dict* Recorder::globals() const { return frames_.empty() ? frame_->globals : frames_.back().func->globals; }

// -- Emission ------------------------------------------------------------------------

void Recorder::keep_alive_value(Value v) {
  if (v.is_obj()) keep_alive(v.as_obj());
}

void Recorder::keep_alive(const void* obj) {
  if (obj == nullptr) return;
  Obj* o = const_cast<Obj*>(static_cast<const Obj*>(obj));
  for (Obj* k : trace_->gc_consts)
    if (k == o) return;
  trace_->gc_consts.push_back(o);
}

IrRef Recorder::emit(IrOp op, IrType type, IrRef a, IrRef b, IrRef c, int64_t imm) {
  Ins ins{};
  ins.op = op;
  ins.type = type;
  ins.a = a;
  ins.b = b;
  ins.c = c;
  ins.imm = imm;
  return fold_emit(*trace_, fold_, ins);
}

uint32_t Recorder::snapshot() {
  if (!snap_stale_ && last_snap_ != kNoSnap && trace_->snaps[last_snap_].nslots == sp_ &&
      trace_->snaps[last_snap_].nframes == frames_.size() &&
      (frames_.empty() ? trace_->snaps[last_snap_].pc
                       : trace_->snap_frames[trace_->snaps[last_snap_].first_frame + frames_.size() - 1].pc) == pc_)
    return last_snap_;
  Snapshot s;
  s.code = frame_->code;
  s.pc = frames_.empty() ? pc_ : frames_[0].return_pc;
  s.nslots = sp_;
  s.first_frame = static_cast<uint32_t>(trace_->snap_frames.size());
  s.nframes = static_cast<uint32_t>(frames_.size());
  for (size_t k = 0; k < frames_.size(); ++k) {
    SnapFrame f;
    f.func = frames_[k].func;
    f.base = frames_[k].base;
    f.pc = k + 1 < frames_.size() ? frames_[k + 1].return_pc : pc_;
    f.result_slot = frames_[k].result_slot;
    f.init = frames_[k].init;
    trace_->snap_frames.push_back(f);
  }
  s.first = static_cast<uint32_t>(trace_->snap_entries.size());
  for (uint32_t i = 0; i < sp_; ++i)
    if (dirty_[i] && slot_[i] != kNoRef && !dead_local(i, pc_)) trace_->snap_entries.push_back(SnapEntry{i, slot_[i]});
  s.count = static_cast<uint32_t>(trace_->snap_entries.size()) - s.first;
  s.first_clean = static_cast<uint32_t>(trace_->clean_entries.size());
  for (uint32_t i = 0; i < sp_; ++i) {
    const IrRef r = slot_[i];
    if (dirty_[i] || r == kNoRef || is_const(r) || dead_local(i, pc_)) continue;
    const IrType ty = trace_->ir[r].type;
    runtime::Klass* k = nullptr;
    if (ty == IrType::Val) {
      auto it = klass_.find(r);
      if (it == klass_.end()) continue;
      k = it->second;
    }
    trace_->clean_entries.push_back(CleanEntry{i, r, k});
  }
  s.nclean = static_cast<uint32_t>(trace_->clean_entries.size()) - s.first_clean;
  trace_->snaps.push_back(s);
  last_snap_ = static_cast<uint32_t>(trace_->snaps.size() - 1);
  snap_stale_ = false;
  return last_snap_;
}

const LocalLiveness& Recorder::liveness(Code* code) const {
  auto it = liveness_.find(code);
  if (it == liveness_.end()) it = liveness_.emplace(code, LocalLiveness(code)).first;
  return it->second;
}

bool Recorder::dead_local(uint32_t s, uint32_t inner_pc) const {
  // Innermost frame first: its locals sit above its callers' operand stacks.
  for (size_t k = frames_.size(); k-- > 0;) {
    const InlineFrame& f = frames_[k];
    if (s >= f.base) {
      if (s >= f.base + f.code->nlocals) return false;
      uint32_t pc = k + 1 < frames_.size() ? frames_[k + 1].return_pc : inner_pc;
      return !liveness(f.code).live(pc, s - f.base);
    }
  }
  if (s >= frame_->code->nlocals) return false;
  return !liveness(frame_->code).live(frames_.empty() ? inner_pc : frames_[0].return_pc, s);
}

IrRef Recorder::mem(IrOp op, IrType type, IrRef a, IrRef b, IrRef c, int64_t imm, uint16_t alias) {
  Ins ins{};
  ins.op = op;
  ins.type = type;
  ins.alias = alias;
  ins.a = a;
  ins.b = b;
  ins.c = c;
  ins.imm = imm;
  return fold_emit(*trace_, fold_, ins);
}

IrRef Recorder::guard(IrOp op, IrRef a, int64_t imm, IrRef b) {
  Ins ins{};
  ins.op = op;
  ins.type = ir_op_type(op);
  ins.a = a;
  ins.b = b;
  ins.imm = imm;
  ins.snap = snapshot();
  return fold_emit(*trace_, fold_, ins);
}

IrRef Recorder::kint(int64_t v) { return emit_kint(*trace_, fold_, v); }
IrRef Recorder::kflt(double d) { return emit_kflt(*trace_, fold_, d); }
IrRef Recorder::kval(Value v) {
  if (v.is_obj()) keep_alive(v.as_obj());
  return emit_kval(*trace_, fold_, v);
}
IrRef Recorder::kptr(const void* p) { return emit_kptr(*trace_, fold_, p); }

IrRef Recorder::call_helper(const void* fn, const char* name, IrType ret, std::initializer_list<IrRef> args,
                            bool can_gc, bool pure) {
  CallDesc d;
  d.fn = fn;
  d.name = name;
  for (IrRef a : args) d.args[d.nargs++] = a;
  d.can_gc = can_gc;
  d.pure = pure;
  trace_->calls.push_back(d);
  Ins ins{};
  ins.op = IrOp::CALL;
  ins.type = ret;
  ins.imm = static_cast<int64_t>(trace_->calls.size() - 1);
  return trace_->emit(ins);
}

void Recorder::guard_not_exception(IrRef r) {
  guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, r, kval(Value::exception())));
}

// -- Values ----------------------------------------------------------------------------

Value Recorder::concrete(uint32_t s) const { return anchor_[s]; }

IrRef Recorder::slot(uint32_t s) {
  if (slot_[s] != kNoRef) return slot_[s];
  Value c = concrete(s);
  IrRef v = mem(IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, kNoRef, s, kAliasSlot);
  IrRef r = specialise(v, c);
  slot_[s] = r;
  return r;
}

void Recorder::set_slot(uint32_t s, IrRef r) {
  slot_[s] = r;
  dirty_[s] = 1;
  snap_stale_ = true;
}

IrRef Recorder::pop() {
  IrRef r = slot(sp_ - 1);
  --sp_;
  slot_[sp_] = kNoRef;
  dirty_[sp_] = 0;
  snap_stale_ = true;
  return r;
}

void Recorder::push(IrRef r) { set_slot(sp_++, r); }

IrRef Recorder::specialise(IrRef v, Value c) {
  if (is_const(v)) return v;
  if (c.is_small_int()) {
    guard(IrOp::GINT, v);
    return emit(IrOp::UNBOXI, IrType::Int, v);
  }
  if (c.is_double()) {
    guard(IrOp::GFLT, v);
    return emit(IrOp::UNBOXF, IrType::Flt, v);
  }
  if (c.is_obj()) {
    keep_alive(c.as_obj()->klass);
    guard(IrOp::GKLASS, v, reinterpret_cast<int64_t>(c.as_obj()->klass));
    klass_[v] = c.as_obj()->klass;
    // The guard computes the object pointer anyway (the backend fuses the
    // two); later OBJPTRs of v are this one (CSE), and DCE drops it if unused.
    emit(IrOp::OBJPTR, IrType::Ptr, v);
    return v;
  }
  // bool, None, NULL: specialise on the exact value.
  guard(IrOp::GEQV, v, static_cast<int64_t>(c.bits()));
  return kval(c);
}

Klass* Recorder::klass_of(IrRef r) const {
  note_type_use(r);
  const Ins& ins = trace_->ir[r];
  switch (ins.type) {
    case IrType::Int: return vm_.types.int_;
    case IrType::Flt: return vm_.types.float_;
    case IrType::Bool: return vm_.types.bool_;
    default: break;
  }
  if (ins.op == IrOp::KVAL) {
    Value v = const_val(r);
    return v.is_obj() ? v.as_obj()->klass : type_of(vm_, v);
  }
  auto it = klass_.find(r);
  return it == klass_.end() ? nullptr : it->second;
}

// Boxing only changes the representation: it does not rely on r's type
// (trace_->ir, not type(): see type_used()).
IrRef Recorder::box(IrRef r) {
  switch (trace_->ir[r].type) {
    case IrType::Int: return emit(IrOp::BOXI, IrType::Val, r);
    case IrType::Flt: return emit(IrOp::BOXF, IrType::Val, r);
    case IrType::Bool: return emit(IrOp::BOXB, IrType::Val, r);
    default: return r;
  }
}

IrRef Recorder::to_float(IrRef r) {
  if (type(r) == IrType::Int) return emit(IrOp::I2F, IrType::Flt, r);
  if (type(r) == IrType::Bool) return emit(IrOp::I2F, IrType::Flt, r);
  return r;
}

// -- Driver ----------------------------------------------------------------------------

Recorder::Status Recorder::abort(std::string reason) {
  abort_reason_ = std::move(reason);
  abort_pc_ = pc_;
  abort_code_ = code();
  return Status::kAbort;
}

Recorder::Status Recorder::step(Frame* frame, const uint32_t* pc) {
  if (frame->code != code() || frame->locals != anchor_ + base()) return abort("left the recorded frame");
  pc_ = static_cast<uint32_t>(pc - frame->code->code());
  uint32_t real_sp = static_cast<uint32_t>(vm_.sp - anchor_);
  if (real_sp != sp_) return abort("operand stack out of step (recorder bug)");
  if (trace_->ir.size() >= params_.maxrecord) return abort("trace too long (maxrecord)");
  if (trace_->snaps.size() >= params_.maxsnap) return abort("too many snapshots (maxsnap)");
  if (trace_->parent < 0 && !accept_return_ && frames_.empty() && (pc_ < trace_->start_pc || pc_ > loop_end_)) {
    // A root trace must be the loop: this iteration left it (a while loop's
    // condition, a break), so it was the loop's last. Try another iteration.
    unlucky_ = true;
    return abort("loop left while recording");
  }
  if (instructions_ > 0) {
    // Back at its own start after going round a loop: the side trace is that
    // loop (its root recorded the iteration that left it).
    if (trace_->parent >= 0 && passed_header_ && frames_.empty() && !returned_ && pc_ == trace_->start_pc &&
        code() == trace_->code)
      return close_loop();
    // A compiled loop: link to it. Inside inlined frames the link goes
    // through an exit that materialises them (the loop's trace is anchored
    // in the innermost one).
    LoopTrace target = trace_at_(frame->code, pc_);
    if (target.id >= 0 && !keep_recording_at(target)) {
      if (unrolls(target, pc_)) {
        --unroll_left_;
      } else {
        return frames_.empty() ? close_link(target.id) : close_exit(pc_, true, pc_);
      }
    }
  }
  uint32_t word = *pc;
  Op op = static_cast<Op>(word & 0xff);
  uint32_t arg = word >> 8;
  trace_->recorded.push_back(std::to_string(pc_) + " " + op_name(op) + " " + std::to_string(arg));
  ++instructions_;
  return record(op, arg);
}

Recorder::Status Recorder::record(Op op, uint32_t arg) {
  Code* code = this->code();
  switch (op) {
    case Op::NOP: return Status::kContinue;
    case Op::POP_TOP: pop(); return Status::kContinue;
    case Op::COPY: push(top(arg)); return Status::kContinue;
    case Op::SWAP: {
      IrRef a = top(1), b = top(arg);
      set_slot(sp_ - 1, b);
      set_slot(sp_ - arg, a);
      return Status::kContinue;
    }
    case Op::PUSH_NULL: push(kval(Value::null())); return Status::kContinue;
    case Op::LOAD_CONST: {
      Value c = code->consts->items[arg];
      if (c.is_small_int()) push(kint(c.as_small_int()));
      else if (c.is_double()) push(kflt(c.as_double()));
      else push(kval(c));
      return Status::kContinue;
    }
    case Op::LOAD_FAST: {
      uint32_t s = base() + arg;
      if (concrete(s).is_null() && slot_[s] == kNoRef) return abort("unbound local");
      IrRef r = slot(s);
      if (is_const(r) && trace_->ir[r].op == IrOp::KVAL && const_val(r).is_null()) return abort("unbound local");
      push(r);
      return Status::kContinue;
    }
    case Op::STORE_FAST: set_slot(base() + arg, pop()); return Status::kContinue;
    case Op::LOAD_GLOBAL: return load_global(arg);
    case Op::STORE_GLOBAL: return store_global(arg);
    case Op::LOAD_ATTR: return load_attr(arg, false);
    case Op::LOAD_METHOD: return load_attr(arg, true);
    case Op::STORE_ATTR: return store_attr(arg);
    case Op::BINARY_OP: return binary(static_cast<BinOp>(arg));
    case Op::COMPARE_OP: return compare(static_cast<CmpOp>(arg));
    case Op::IS_OP: {
      IrRef b = top(1), a = top(2);
      bool a_unboxed = type(a) != IrType::Val, b_unboxed = type(b) != IrType::Val;
      if (a_unboxed || b_unboxed) return abort("'is' on an unboxed number");
      IrRef r = emit(arg ? IrOp::NE : IrOp::EQ, IrType::Bool, a, b);
      pop();
      pop();
      push(r);
      return Status::kContinue;
    }
    case Op::UNARY_NEG: {
      IrRef a = top();
      IrRef r;
      if (type(a) == IrType::Int && concrete(sp_ - 1).as_small_int() == Value::kSmallIntMin)
        return abort("int overflow while recording");
      if (type(a) == IrType::Int) r = guard(IrOp::NEGOV, a);
      else if (type(a) == IrType::Flt) r = emit(IrOp::FNEG, IrType::Flt, a);
      else return abort("unary - on a non-number");
      if (type(a) == IrType::Int) trace_->ir[r].type = IrType::Int;
      pop();
      push(r);
      return Status::kContinue;
    }
    case Op::UNARY_POS: {
      IrRef a = top();
      if (type(a) != IrType::Int && type(a) != IrType::Flt) return abort("unary + on a non-number");
      return Status::kContinue;
    }
    case Op::UNARY_NOT: {
      IrRef a = top();
      bool t;
      IrRef cond;
      Status s = truth(a, concrete(sp_ - 1), &t, &cond);
      if (s != Status::kContinue) return s;
      pop();
      push(cond == kNoRef ? emit_kbool(*trace_, fold_, !t) : emit(IrOp::NOT, IrType::Bool, cond));
      return Status::kContinue;
    }
    case Op::BINARY_SUBSCR: return subscr();
    case Op::STORE_SUBSCR: return store_subscr();
    case Op::JUMP: return Status::kContinue;
    case Op::JUMP_BACKWARD: {
      // A loop in an inlined call ends the trace at its back-edge, in that
      // frame: the interpreter counts the loop, and once it has a trace this
      // exit continues in it.
      if (!frames_.empty()) return close_exit(pc_, true, arg);
      if (trace_->parent < 0 && arg == trace_->start_pc) return close_loop();
      LoopTrace target = trace_at_(frame_->code, arg);
      if (target.id >= 0 && target.id == trace_->root && !target.is_loop && !passed_header_ && !returned_)
        return Status::kContinue;  // step() decides at the header
      if (unrolls(target, arg)) return Status::kContinue;  // likewise
      if (target.id >= 0) return close_link(target.id);
      // Resume at the back-edge itself: the interpreter counts it, so the
      // outer loop gets a trace of its own, which later exits link to.
      return close_exit(pc_, true, arg);
    }
    case Op::POP_JUMP_IF_FALSE: return branch(false, true, arg);
    case Op::POP_JUMP_IF_TRUE: return branch(true, true, arg);
    case Op::JUMP_IF_FALSE_OR_POP: return branch(false, false, arg);
    case Op::JUMP_IF_TRUE_OR_POP: return branch(true, false, arg);
    case Op::FOR_ITER: return for_iter(arg);
    case Op::CALL: return call(arg);
    case Op::UNPACK_SEQUENCE: return unpack(arg);
    case Op::CONTAINS_OP: return contains(arg != 0);
    case Op::LIST_APPEND: return list_append_at(arg);
    case Op::LOAD_DEREF: {
      uint32_t s = base() + code->nlocals + arg;
      IrRef cell = slot(s);
      Value cc = concrete(s);
      if (klass_of(cell) != vm_.types.cell || cc.as<Cell>()->value.is_null()) return abort("empty cell");
      IrRef raw = mem(IrOp::LDV, IrType::Val, emit(IrOp::OBJPTR, IrType::Ptr, cell), kNoRef, kNoRef, kCellValue, kAliasCellValue);
      guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, raw, kval(Value::null())));
      push(raw);
      pc_ += 1;
      IrRef v = specialise(raw, cc.as<Cell>()->value);
      pc_ -= 1;
      set_slot(sp_ - 1, v);
      return Status::kContinue;
    }
    case Op::STORE_DEREF: {
      uint32_t s = base() + code->nlocals + arg;
      IrRef cell = slot(s);
      if (klass_of(cell) != vm_.types.cell) return abort("store to a non-cell");
      IrRef v = box(top());
      mem(IrOp::STXV, IrType::Void, emit(IrOp::OBJPTR, IrType::Ptr, cell), kint(0), v, kCellValue, kAliasCellValue);
      pop();
      return Status::kContinue;
    }
    case Op::GET_ITER: return get_iter();
    case Op::RETURN_VALUE:
      if (!frames_.empty()) return inline_return();
      // A root trace must be a loop: recording the iteration that returns would
      // make the return path the trace and every real iteration an exit.
      if (trace_->parent < 0 && !accept_return_) {
        unlucky_ = true;
        return abort("loop left by return while recording");
      }
      if (trace_->parent >= 0) return return_to_caller();
      return close_exit(pc_, false, 0);  // a side trace for the return path
    default: break;
  }
  return abort(std::string("unsupported bytecode ") + op_name(op));
}

// -- Arithmetic and comparisons -----------------------------------------------------------

Recorder::Status Recorder::binary(BinOp op) {
  IrRef b = top(1), a = top(2);
  IrType ta = type(a), tb = type(b);
  bool ints = ta == IrType::Int && tb == IrType::Int;
  bool nums = (ta == IrType::Int || ta == IrType::Flt) && (tb == IrType::Int || tb == IrType::Flt);
  if (!nums) return abort(std::string("binary ") + binop_symbol(op) + " on " + std::string(type_name(vm_, concrete(sp_ - 2))) +
                          " and " + std::string(type_name(vm_, concrete(sp_ - 1))));
  BinOp plain = static_cast<int>(op) >= static_cast<int>(BinOp::IADD)
                    ? static_cast<BinOp>(static_cast<int>(op) - static_cast<int>(BinOp::IADD))
                    : op;
  IrRef r = kNoRef;
  if (ints && (plain == BinOp::ADD || plain == BinOp::SUB || plain == BinOp::MUL)) {
    // A result that leaves the small-int range on this very run would make the
    // trace exit at its guard every time: leave such code to the interpreter.
    int64_t x = concrete(sp_ - 2).as_small_int(), y = concrete(sp_ - 1).as_small_int(), z = 0;
    bool over = plain == BinOp::ADD   ? __builtin_add_overflow(x, y, &z)
                : plain == BinOp::SUB ? __builtin_sub_overflow(x, y, &z)
                                      : __builtin_mul_overflow(x, y, &z);
    if (over || !Value::fits_small_int(z)) return abort("int overflow while recording");
  }
  if (ints) {
    switch (plain) {
      case BinOp::ADD: r = guard(IrOp::ADDOV, a, 0, b); break;
      case BinOp::SUB: r = guard(IrOp::SUBOV, a, 0, b); break;
      case BinOp::MUL: r = guard(IrOp::MULOV, a, 0, b); break;
      case BinOp::AND: r = emit(IrOp::BAND, IrType::Int, a, b); break;
      case BinOp::OR: r = emit(IrOp::BOR, IrType::Int, a, b); break;
      case BinOp::XOR: r = emit(IrOp::BXOR, IrType::Int, a, b); break;
      case BinOp::RSHIFT: {
        int64_t sh = concrete(sp_ - 1).as_small_int();
        if (sh < 0 || sh > 63) return abort("shift count out of range");
        guard(IrOp::GTRUE, emit(IrOp::ULT, IrType::Bool, b, kint(64)));
        r = emit(IrOp::SHR, IrType::Int, a, b);
        break;
      }
      case BinOp::FLOORDIV:
      case BinOp::MOD: {
        if (concrete(sp_ - 1).as_small_int() == 0) return abort("division by zero");
        // By a constant power of two: floor division is an arithmetic shift
        // and the (non-negative) remainder a mask, exactly, for any sign of a.
        const int64_t kb = trace_->ir[b].op == IrOp::KINT ? trace_->ir[b].imm : 0;
        if (kb > 0 && std::has_single_bit(static_cast<uint64_t>(kb))) {
          r = plain == BinOp::FLOORDIV ? emit(IrOp::SHR, IrType::Int, a, kint(std::countr_zero(static_cast<uint64_t>(kb))))
                                       : emit(IrOp::BAND, IrType::Int, a, kint(kb - 1));
          break;
        }
        guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, b, kint(0)));
        if (plain == BinOp::FLOORDIV) guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, a, kint(Value::kSmallIntMin)));
        r = plain == BinOp::FLOORDIV
                ? call_helper(reinterpret_cast<const void*>(&helpers::int_floordiv), "int_floordiv", IrType::Int,
                              {a, b}, false, true)
                : call_helper(reinterpret_cast<const void*>(&helpers::int_mod), "int_mod", IrType::Int, {a, b}, false,
                              true);
        break;
      }
      case BinOp::TRUEDIV: break;  // float division below
      default: return abort(std::string("int ") + binop_symbol(op) + " not compiled");
    }
    if (r != kNoRef) trace_->ir[r].type = IrType::Int;
  }
  if (r == kNoRef) {
    IrRef fa = to_float(a), fb = to_float(b);
    switch (plain) {
      case BinOp::ADD: r = emit(IrOp::FADD, IrType::Flt, fa, fb); break;
      case BinOp::SUB: r = emit(IrOp::FSUB, IrType::Flt, fa, fb); break;
      case BinOp::MUL: r = emit(IrOp::FMUL, IrType::Flt, fa, fb); break;
      case BinOp::TRUEDIV:
      case BinOp::FLOORDIV:
      case BinOp::MOD: {
        Value cb = concrete(sp_ - 1);
        if ((cb.is_small_int() && cb.as_small_int() == 0) || (cb.is_double() && cb.as_double() == 0.0))
          return abort("division by zero");
        guard(IrOp::GTRUE, emit(IrOp::FNE, IrType::Bool, fb, kflt(0.0)));
        if (plain == BinOp::TRUEDIV) {
          r = emit(IrOp::FDIV, IrType::Flt, fa, fb);
          break;
        }
        r = plain == BinOp::FLOORDIV
                ? call_helper(reinterpret_cast<const void*>(&helpers::float_floordiv), "float_floordiv", IrType::Flt,
                              {fa, fb}, false, true)
                : call_helper(reinterpret_cast<const void*>(&helpers::float_mod), "float_mod", IrType::Flt, {fa, fb},
                              false, true);
        break;
      }
      default: return abort(std::string("float ") + binop_symbol(op) + " not compiled");
    }
  }
  pop();
  pop();
  push(r);
  return Status::kContinue;
}

Recorder::Status Recorder::compare(CmpOp op) {
  IrRef b = top(1), a = top(2);
  IrType ta = type(a), tb = type(b);
  bool nums = (ta == IrType::Int || ta == IrType::Flt) && (tb == IrType::Int || tb == IrType::Flt);
  IrRef r;
  if (!nums) {
    // Identity-comparable constants (None, bools) and objects: only == / != on
    // values of the same fixed class whose equality is identity.
    Klass* ka = klass_of(a);
    Klass* kb = klass_of(b);
    bool identity = ka != nullptr && ka == kb && (ka == vm_.types.none || ka == vm_.types.bool_);
    if (!identity || (op != CmpOp::EQ && op != CmpOp::NE))
      return abort("comparison of " + std::string(type_name(vm_, concrete(sp_ - 2))) + " and " +
                   std::string(type_name(vm_, concrete(sp_ - 1))));
    r = emit(op == CmpOp::EQ ? IrOp::EQ : IrOp::NE, IrType::Bool, box(a), box(b));
  } else if (ta == IrType::Int && tb == IrType::Int) {
    static constexpr IrOp kOps[] = {IrOp::LT, IrOp::LE, IrOp::EQ, IrOp::NE, IrOp::GT, IrOp::GE};
    r = emit(kOps[static_cast<int>(op)], IrType::Bool, a, b);
  } else {
    static constexpr IrOp kOps[] = {IrOp::FLT, IrOp::FLE, IrOp::FEQ, IrOp::FNE, IrOp::FGT, IrOp::FGE};
    r = emit(kOps[static_cast<int>(op)], IrType::Bool, to_float(a), to_float(b));
  }
  pop();
  pop();
  push(r);
  return Status::kContinue;
}

// The truth value of [v] (concrete [c]): *out is the value on this run;
// *cond is the Bool IR value to guard on, or kNoRef when it is a constant.
Recorder::Status Recorder::truth(IrRef v, Value c, bool* out, IrRef* cond) {
  *cond = kNoRef;
  switch (type(v)) {
    case IrType::Bool: *out = c.is_true(); *cond = v; break;
    case IrType::Int: *out = c.as_small_int() != 0; *cond = emit(IrOp::NE, IrType::Bool, v, kint(0)); break;
    case IrType::Flt: *out = c.as_double() != 0.0; *cond = emit(IrOp::FNE, IrType::Bool, v, kflt(0.0)); break;
    default:
      if (is_const(v) && (const_val(v).is_bool() || const_val(v).is_none())) {
        *out = const_val(v).is_true();
        break;
      }
      if (klass_of(v) == vm_.types.list) {
        *out = c.as<List>()->size != 0;
        IrRef n = mem(IrOp::LDI, IrType::Int, emit(IrOp::OBJPTR, IrType::Ptr, v), kNoRef, kNoRef, kListSize, kAliasListSize);
        *cond = emit(IrOp::NE, IrType::Bool, n, kint(0));
        break;
      }
      return abort("truth value of " + std::string(type_name(vm_, c)));
  }
  if (*cond != kNoRef && is_const(*cond)) {
    *cond = kNoRef;
  }
  return Status::kContinue;
}

Recorder::Status Recorder::branch(bool jump_if, bool pop_always, uint32_t target) {
  (void)target;
  IrRef v = top();
  bool t;
  IrRef cond;
  Status s = truth(v, concrete(sp_ - 1), &t, &cond);
  if (s != Status::kContinue) return s;
  if (cond != kNoRef) {
    // On the exit the condition is known to be !t: name that constant in the
    // snapshot, so the comparison feeds only the guard (cmp + jcc).
    IrRef saved = slot_[sp_ - 1];
    uint8_t was_dirty = dirty_[sp_ - 1];
    if (saved == cond) set_slot(sp_ - 1, emit_kbool(*trace_, fold_, !t));
    guard(t ? IrOp::GTRUE : IrOp::GFALSE, cond);
    slot_[sp_ - 1] = saved;
    dirty_[sp_ - 1] = was_dirty;
    snap_stale_ = true;
  }
  bool jumps = t == jump_if;
  if (pop_always || !jumps) pop();
  return Status::kContinue;
}

// -- Iteration ------------------------------------------------------------------------------

Recorder::Status Recorder::for_iter(uint32_t exit_pc) {
  (void)exit_pc;
  IrRef it = top();
  Value cit = concrete(sp_ - 1);
  Klass* k = klass_of(it);
  IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, it);
  if (k == vm_.types.range_iterator) {
    SeqIter* ri = cit.as<SeqIter>();
    Range* rg = ri->seq.as<Range>();
    IrRef idx = mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, kIterIndex, kAliasIterIndex);
    IrRef range = emit(IrOp::OBJPTR, IrType::Ptr, mem(IrOp::LDV, IrType::Val, p, kNoRef, kNoRef, kIterSeq, kAliasIterSeq));
    IrRef len = mem(IrOp::LDI, IrType::Int, range, kNoRef, kNoRef, kRangeLength, kAliasRangeField);
    if (static_cast<int64_t>(ri->index) >= rg->length && trace_->parent < 0 && frames_.empty() && pc_ == trace_->start_pc) {
      unlucky_ = true;
      return abort("loop ended while recording");
    }
    if (static_cast<int64_t>(ri->index) >= rg->length) {
      // The loop ends here on this run: the iterator is popped and the
      // interpreter jumps past the loop.
      guard(IrOp::GFALSE, emit(IrOp::LT, IrType::Bool, idx, len));
      pop();
      return Status::kContinue;
    }
    guard(IrOp::GTRUE, emit(IrOp::LT, IrType::Bool, idx, len));
    IrRef start = mem(IrOp::LDI, IrType::Int, range, kNoRef, kNoRef, kRangeStart, kAliasRangeField);
    IrRef step = mem(IrOp::LDI, IrType::Int, range, kNoRef, kNoRef, kRangeStep, kAliasRangeField);
    mem(IrOp::STI, IrType::Void, p, emit(IrOp::ADD, IrType::Int, idx, kint(1)), kNoRef, kIterIndex, kAliasIterIndex);
    // start + idx*step stays within the range's bounds, which are small ints
    // here (a range with big bounds has a longrange_iterator).
    IrRef v = emit(IrOp::ADD, IrType::Int, start, emit(IrOp::MUL, IrType::Int, idx, step));
    push(v);
    return Status::kContinue;
  }
  if (k == vm_.types.list_iterator) {
    SeqIter* li = cit.as<SeqIter>();
    List* l = li->seq.as<List>();
    IrRef idx = mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, kIterIndex, kAliasIterIndex);
    IrRef list = emit(IrOp::OBJPTR, IrType::Ptr, mem(IrOp::LDV, IrType::Val, p, kNoRef, kNoRef, kIterSeq, kAliasIterSeq));
    IrRef size = mem(IrOp::LDI, IrType::Int, list, kNoRef, kNoRef, kListSize, kAliasListSize);
    if (li->index >= l->size && trace_->parent < 0 && frames_.empty() && pc_ == trace_->start_pc) {
      unlucky_ = true;
      return abort("loop ended while recording");
    }
    if (li->index >= l->size) {
      guard(IrOp::GFALSE, emit(IrOp::LT, IrType::Bool, idx, size));
      pop();
      return Status::kContinue;
    }
    guard(IrOp::GTRUE, emit(IrOp::LT, IrType::Bool, idx, size));
    IrRef items = list_storage(list, l);
    if (l->bytes() != nullptr) {  // an int 0..255: no type guard
      IrRef b = mem(IrOp::LDXB, IrType::Int, items, idx, kNoRef, kRawData, kAliasByteItem);
      mem(IrOp::STI, IrType::Void, p, emit(IrOp::ADD, IrType::Int, idx, kint(1)), kNoRef, kIterIndex, kAliasIterIndex);
      push(b);
      return Status::kContinue;
    }
    IrRef raw = mem(IrOp::LDXV, IrType::Val, items, idx, kNoRef, kArrayItems, kAliasArrayItem);
    mem(IrOp::STI, IrType::Void, p, emit(IrOp::ADD, IrType::Int, idx, kint(1)), kNoRef, kIterIndex, kAliasIterIndex);
    // The item's type guard resumes after FOR_ITER with the item pushed.
    push(raw);
    pc_ += 1;
    IrRef v = specialise(raw, l->items()[li->index]);
    pc_ -= 1;
    set_slot(sp_ - 1, v);
    return Status::kContinue;
  }
  return abort("for over " + std::string(type_name(vm_, cit)));
}

// -- Subscripts -------------------------------------------------------------------------------

bool Recorder::is_plain_key(IrRef key) const {
  Klass* k = klass_of(key);
  return k == vm_.types.int_ || k == vm_.types.float_ || k == vm_.types.str || k == vm_.types.bool_ ||
         k == vm_.types.none;
}

Recorder::Status Recorder::contains(bool negate) {
  IrRef b = top(1), a = top(2);
  Klass* k = klass_of(b);
  if ((k != vm_.types.dict && k != vm_.types.set && k != vm_.types.frozenset) || !is_plain_key(a))
    return abort("'in' on " + std::string(type_name(vm_, concrete(sp_ - 1))));
  IrRef r = call_helper(reinterpret_cast<const void*>(&helpers::contains), "contains", IrType::Bool,
                        {kptr(&vm_), b, box(a)}, false);
  if (negate) r = emit(IrOp::NOT, IrType::Bool, r);
  pop();
  pop();
  push(r);
  return Status::kContinue;
}

Recorder::Status Recorder::list_append_at(uint32_t depth) {
  IrRef v = top(1);
  IrRef list = top(depth + 1);
  if (klass_of(list) != vm_.types.list) return abort("LIST_APPEND to a non-list");
  IrRef ok = call_helper(reinterpret_cast<const void*>(&helpers::list_append), "list_append", IrType::Int,
                         {kptr(&vm_), emit(IrOp::OBJPTR, IrType::Ptr, list), box(v)}, true);
  guard(IrOp::GEQP, ok, 1);
  pop();
  return Status::kContinue;
}

// Python's index [i] (concrete *[idx]) into a sequence of length [n]
// (concrete [size]): guards the sign seen and the bounds, and returns the
// normalised index (negative ones count from the end; *[idx] becomes it),
// or kNoRef when the index is out of range on this run.
IrRef Recorder::bounded_index(IrRef i, IrRef n, int64_t* idx, uint64_t size) {
  IrRef index = i;
  if (*idx < 0) {
    index = emit(IrOp::ADD, IrType::Int, i, n);
    *idx += static_cast<int64_t>(size);
    guard(IrOp::GTRUE, emit(IrOp::LT, IrType::Bool, i, kint(0)));
  }
  // A non-negative index needs no i >= 0 guard: a negative i fails ULT i n
  // (n, a size, is never negative) and exits at the same snapshot.
  if (*idx < 0 || static_cast<uint64_t>(*idx) >= size) return kNoRef;
  guard(IrOp::GTRUE, emit(IrOp::ULT, IrType::Bool, index, n));
  return index;
}

Recorder::Status Recorder::subscr() {
  IrRef i = top(1), c = top(2);
  Value cc = concrete(sp_ - 2), ci = concrete(sp_ - 1);
  Klass* k = klass_of(c);
  if (k == vm_.types.dict && is_plain_key(i)) {
    Value item = dict_get(vm_, cc.as<Dict>(), ci);
    if (item.is_null() || item.is_exception()) {
      if (item.is_exception()) vm_.pending = Value::null();
      return abort("missing dict key");
    }
    IrRef raw = call_helper(reinterpret_cast<const void*>(&helpers::dict_get), "dict_get", IrType::Val,
                            {kptr(&vm_), emit(IrOp::OBJPTR, IrType::Ptr, c), box(i)}, false);
    guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, raw, kval(Value::null())));
    pop();
    pop();
    push(raw);
    pc_ += 1;
    IrRef v = specialise(raw, item);
    pc_ -= 1;
    set_slot(sp_ - 1, v);
    return Status::kContinue;
  }
  if (type(i) != IrType::Int || (k != vm_.types.list && k != vm_.types.tuple))
    return abort("subscript of " + std::string(type_name(vm_, cc)) + " by " + std::string(type_name(vm_, ci)));
  int64_t idx = ci.as_small_int();
  bool list = k == vm_.types.list;
  uint64_t size = list ? cc.as<List>()->size : cc.as<Tuple>()->size;
  IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, c);
  IrRef n = mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, list ? kListSize : kTupleSize, list ? kAliasListSize : kAliasTupleItem);
  IrRef index = bounded_index(i, n, &idx, size);
  if (index == kNoRef) return abort("index out of range");
  Value item;
  IrRef raw;
  if (list) {
    const List* l = cc.as<List>();
    IrRef items = list_storage(p, l);
    if (l->bytes() != nullptr) {  // an int 0..255: no type guard
      IrRef b = mem(IrOp::LDXB, IrType::Int, items, index, kNoRef, kRawData, kAliasByteItem);
      pop();
      pop();
      push(b);
      return Status::kContinue;
    }
    raw = mem(IrOp::LDXV, IrType::Val, items, index, kNoRef, kArrayItems, kAliasArrayItem);
    item = l->items()[idx];
  } else {
    raw = mem(IrOp::LDXV, IrType::Val, p, index, kNoRef, kTupleItems, kAliasTupleItem);
    item = cc.as<Tuple>()->items[idx];
  }
  // The type guard on the item resumes after the subscript with it pushed.
  pop();
  pop();
  push(raw);
  pc_ += 1;
  IrRef v = specialise(raw, item);
  pc_ -= 1;
  set_slot(sp_ - 1, v);
  return Status::kContinue;
}

// The storage of list [list] (a Ptr), guarded to be of the kind [l] has now:
// its RawArray (byte storage: no ValueArray) or its ValueArray.
// Called after a check that the list is not empty: an empty list has no
// ValueArray either.
IrRef Recorder::list_storage(IrRef list, const List* l) {
  IrRef array = mem(IrOp::LDP, IrType::Ptr, list, kNoRef, kNoRef, kListArray, kAliasListArray);
  if (l->bytes() != nullptr) {
    guard(IrOp::GEQP, array, 0);
    return mem(IrOp::LDP, IrType::Ptr, list, kNoRef, kNoRef, kListAux, kAliasListArray);
  }
  guard(IrOp::GTRUE, emit(IrOp::NE, IrType::Bool, array, kint(0)));
  return array;
}

Recorder::Status Recorder::store_subscr() {
  IrRef i = top(1), c = top(2), v = top(3);
  Value cc = concrete(sp_ - 2), ci = concrete(sp_ - 1);
  if (klass_of(c) == vm_.types.dict && is_plain_key(i)) {
    IrRef ok = call_helper(reinterpret_cast<const void*>(&helpers::dict_set), "dict_set", IrType::Int,
                           {kptr(&vm_), emit(IrOp::OBJPTR, IrType::Ptr, c), box(i), box(v)}, true);
    guard(IrOp::GEQP, ok, 1);
    pop();
    pop();
    pop();
    return Status::kContinue;
  }
  if (type(i) != IrType::Int || klass_of(c) != vm_.types.list)
    return abort("item assignment on " + std::string(type_name(vm_, cc)) + " by " + std::string(type_name(vm_, ci)));
  int64_t idx = ci.as_small_int();
  uint64_t size = cc.as<List>()->size;
  IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, c);
  IrRef n = mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, kListSize, kAliasListSize);
  IrRef index = bounded_index(i, n, &idx, size);
  if (index == kNoRef) return abort("index out of range");
  const List* l = cc.as<List>();
  if (l->bytes() != nullptr) {
    // Byte storage keeps ints 0..255; anything else makes it Value storage
    // (the interpreter's business: the recording stops here).
    Value cv = concrete(sp_ - 3);
    if (type(v) != IrType::Int || !fits_byte(cv))
      return abort("store of a value other than 0..255 into a list of bytes");
    IrRef bytes = list_storage(p, l);
    guard(IrOp::GTRUE, emit(IrOp::ULT, IrType::Bool, v, kint(256)));
    mem(IrOp::STXB, IrType::Void, bytes, index, v, kRawData, kAliasByteItem);
  } else {
    IrRef boxed = box(v);
    IrRef items = list_storage(p, l);
    mem(IrOp::STXV, IrType::Void, items, index, boxed, kArrayItems, kAliasArrayItem);
  }
  pop();
  pop();
  pop();
  return Status::kContinue;
}

// -- Globals and attributes ---------------------------------------------------------------------

IrRef Recorder::guard_dict_version(Obj* dict) {
  keep_alive(dict);
  IrRef ver = mem(IrOp::LDI, IrType::Int, kptr(dict), kNoRef, kNoRef, kDictVersion, kAliasHeader);
  return guard(IrOp::GEQP, ver, static_cast<int64_t>(static_cast<Dict*>(dict)->version));
}

// A module dict the trace stores into cannot be guarded by its version (every
// store bumps it): its keys are guarded instead (same table, no insert or
// delete since recording), and each global is read from and written to its
// entry. Returns the entry of [name] (kNoRef when [name] is not in [d]).
IrRef Recorder::global_entry(Dict* d, Str* name) {
  keep_alive(d);
  keep_alive(name);
  DictTable* t = d->table;
  if (t == nullptr) return kNoRef;
  keep_alive(t);
  // Repeated for every access; CSE and redundant-guard removal keep one.
  IrRef tab = mem(IrOp::LDP, IrType::Ptr, kptr(d), kNoRef, kNoRef, kDictTable, kAliasDictKeys);
  guard(IrOp::GEQP, tab, reinterpret_cast<int64_t>(t));
  IrRef used = mem(IrOp::LDI, IrType::Int, kptr(d), kNoRef, kNoRef, kDictUsed, kAliasDictKeys);
  guard(IrOp::GEQP, used, static_cast<int64_t>(d->used));
  IrRef n = mem(IrOp::LDI, IrType::Int, kptr(t), kNoRef, kNoRef, kTableEntries, kAliasDictKeys);
  guard(IrOp::GEQP, n, static_cast<int64_t>(t->nentries));
  for (uint64_t i = 0; i < t->nentries; ++i) {
    Value k = t->entries()[i].key;
    if (k.is_obj() && k.as_obj()->klass == vm_.types.str && k.as<Str>()->view() == name->view())
      return kptr(&t->entries()[i]);
  }
  return kNoRef;
}

bool Recorder::stores_globals(Code* c) const {
  const uint32_t* words = c->code();
  for (uint32_t i = 0; i < c->ninstr; ++i) {
    Op op = static_cast<Op>(words[i] & 0xff);
    if (op == Op::STORE_GLOBAL || op == Op::DELETE_GLOBAL) return true;
  }
  return false;
}

Recorder::Status Recorder::store_global(uint32_t name) {
  Str* s = code()->names->items[name].as<Str>();
  Dict* globals = this->globals();
  if (!entry_globals_.count(globals)) return abort("store to a global the trace read by version");
  IrRef e = global_entry(globals, s);
  if (e == kNoRef) return abort("store to a new global");
  IrRef v = box(top());
  mem(IrOp::STXV, IrType::Void, e, kint(0), v, kEntryValue, kAliasDictValue);
  // The interpreter's global caches compare the version: bump it.
  IrRef ver = mem(IrOp::LDI, IrType::Int, kptr(globals), kNoRef, kNoRef, kDictVersion, kAliasHeader);
  mem(IrOp::STI, IrType::Void, kptr(globals), emit(IrOp::ADD, IrType::Int, ver, kint(1)), kNoRef, kDictVersion,
      kAliasHeader);
  pop();
  return Status::kContinue;
}

Recorder::Status Recorder::load_global(uint32_t name) {
  Str* s = code()->names->items[name].as<Str>();
  Dict* globals = this->globals();
  Value v = dict_get_str(globals, s);
  if (entry_globals_.count(globals)) {
    IrRef e = global_entry(globals, s);
    if (!v.is_null()) {
      if (e == kNoRef) return abort("global not in its entry");
      IrRef raw = mem(IrOp::LDXV, IrType::Val, e, kint(0), kNoRef, kEntryValue, kAliasDictValue);
      push(raw);
      pc_ += 1;  // the type guard resumes after the load
      IrRef typed = specialise(raw, v);
      pc_ -= 1;
      set_slot(sp_ - 1, typed);
      return Status::kContinue;
    }
    // A builtin: the keys guard says the module has not defined the name since.
    v = dict_get_str(vm_.builtins, s);
    if (v.is_null()) return abort("undefined global");
    guard_dict_version(vm_.builtins);
    push(v.is_small_int() ? kint(v.as_small_int()) : v.is_double() ? kflt(v.as_double()) : kval(v));
    return Status::kContinue;
  }
  version_globals_.insert(globals);
  guard_dict_version(globals);
  if (v.is_null()) {
    v = dict_get_str(vm_.builtins, s);
    if (v.is_null()) return abort("undefined global");
    guard_dict_version(vm_.builtins);
  }
  if (v.is_small_int()) push(kint(v.as_small_int()));
  else if (v.is_double()) push(kflt(v.as_double()));
  else push(kval(v));
  return Status::kContinue;
}

Recorder::Status Recorder::load_attr(uint32_t name, bool method) {
  Str* s = code()->names->items[name].as<Str>();
  IrRef o = top();
  Value co = concrete(sp_ - 1);
  Klass* k = klass_of(o);
  if (k == vm_.types.module) {
    if (!is_const(o)) guard(IrOp::GEQV, o, static_cast<int64_t>(co.bits()));
    Module* m = co.as<Module>();
    Value v = dict_get_str(m->dict, s);
    if (v.is_null()) return abort("missing module attribute");
    guard_dict_version(m->dict);
    pop();
    push(v.is_small_int() ? kint(v.as_small_int()) : v.is_double() ? kflt(v.as_double()) : kval(v));
    if (method) push(kval(Value::null()));
    return Status::kContinue;
  }
  if (k != nullptr && (k->flags & kKlassUser) && k->kind == TypeKind::INSTANCE && co.as<Instance>()->shape != nullptr) {
    Instance* inst = co.as<Instance>();
    Value own = dict_get_str(inst->shape->index, s);
    Value cls = mro_lookup(vm_, k, s);
    IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, o);
    keep_alive(inst->shape);
    IrRef shape = mem(IrOp::LDP, IrType::Ptr, p, kNoRef, kNoRef, kInstShape, kAliasHeader);
    guard(IrOp::GEQP, shape, reinterpret_cast<int64_t>(inst->shape));
    IrRef epoch = mem(IrOp::LDI, IrType::Int, kptr(&vm_.class_change_epoch), kNoRef, kNoRef, 0, kAliasHeader);
    guard(IrOp::GEQP, epoch, static_cast<int64_t>(vm_.class_change_epoch));
    if (method && own.is_null() && has_klass(cls, vm_.types.function)) {
      pop();
      push(kval(cls));
      push(o);
      return Status::kContinue;
    }
    if (!own.is_null() && !is_property(vm_, cls)) {
      uint32_t idx = static_cast<uint32_t>(own.as_small_int());
      IrRef slots = mem(IrOp::LDP, IrType::Ptr, p, kNoRef, kNoRef, kInstSlots, kAliasHeader);
      IrRef raw = mem(IrOp::LDXV, IrType::Val, slots, kint(idx), kNoRef, kArrayItems, kAliasArrayItem);
      pop();
      push(raw);
      pc_ += 1;
      IrRef v = specialise(raw, inst->slots->items[idx]);
      pc_ -= 1;
      set_slot(sp_ - 1, v);
      if (method) {
        // [value NULL] form: a snapshot here would need the NULL pushed too.
        push(kval(Value::null()));
      }
      return Status::kContinue;
    }
    return abort("attribute '" + std::string(s->view()) + "' is not an instance slot");
  }
  if (method && k != nullptr && k->getattr == nullptr && !(k->flags & kKlassUser)) {
    for (Klass* c = k; c != nullptr; c = c->base) {
      Value m = c->dict ? dict_get_str(c->dict, s) : Value::null();
      if (m.is_null()) continue;
      if (has_klass(m, vm_.types.native) && m.as<Native>()->self.is_null()) {
        pop();
        push(kval(m));
        push(o);
        return Status::kContinue;
      }
      break;
    }
  }
  return abort("attribute '" + std::string(s->view()) + "' of " + std::string(type_name(vm_, co)));
}

Recorder::Status Recorder::store_attr(uint32_t name) {
  Str* s = code()->names->items[name].as<Str>();
  IrRef o = top(1), v = top(2);
  Value co = concrete(sp_ - 1);
  Klass* k = klass_of(o);
  if (k == nullptr || !(k->flags & kKlassUser) || k->kind != TypeKind::INSTANCE || co.as<Instance>()->shape == nullptr)
    return abort("attribute store on " + std::string(type_name(vm_, co)));
  Instance* inst = co.as<Instance>();
  Value own = dict_get_str(inst->shape->index, s);
  if (is_property(vm_, mro_lookup(vm_, k, s))) return abort("attribute store through a descriptor");
  Value hook = mro_lookup(vm_, k, vm_.names.dunder_setattr);
  if (has_klass(hook, vm_.types.function)) return abort("class defines __setattr__");
  if (own.is_null()) {
    // A new attribute: the runtime makes the shape transition (and grows the
    // slots); later loads re-read and re-guard the shape.
    IrRef epoch = mem(IrOp::LDI, IrType::Int, kptr(&vm_.class_change_epoch), kNoRef, kNoRef, 0, kAliasHeader);
    guard(IrOp::GEQP, epoch, static_cast<int64_t>(vm_.class_change_epoch));
    keep_alive(s);
    IrRef ok = call_helper(reinterpret_cast<const void*>(&helpers::store_attr), "store_attr", IrType::Int,
                           {kptr(&vm_), o, kptr(s), box(v)}, true);
    guard(IrOp::GEQP, ok, 1);
    pop();
    pop();
    return Status::kContinue;
  }
  uint32_t idx = static_cast<uint32_t>(own.as_small_int());
  IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, o);
  keep_alive(inst->shape);
  IrRef shape = mem(IrOp::LDP, IrType::Ptr, p, kNoRef, kNoRef, kInstShape, kAliasHeader);
  guard(IrOp::GEQP, shape, reinterpret_cast<int64_t>(inst->shape));
  IrRef epoch = mem(IrOp::LDI, IrType::Int, kptr(&vm_.class_change_epoch), kNoRef, kNoRef, 0, kAliasHeader);
  guard(IrOp::GEQP, epoch, static_cast<int64_t>(vm_.class_change_epoch));
  IrRef boxed = box(v);
  IrRef slots = mem(IrOp::LDP, IrType::Ptr, p, kNoRef, kNoRef, kInstSlots, kAliasHeader);
  mem(IrOp::STXV, IrType::Void, slots, kint(idx), boxed, kArrayItems, kAliasArrayItem);
  pop();
  pop();
  return Status::kContinue;
}

Recorder::Status Recorder::unpack(uint32_t n) {
  IrRef seq = top();
  Value cs = concrete(sp_ - 1);
  Klass* k = klass_of(seq);
  bool list = k == vm_.types.list;
  if (!list && k != vm_.types.tuple) return abort("unpacking a " + std::string(type_name(vm_, cs)));
  uint64_t size = list ? cs.as<List>()->size : cs.as<Tuple>()->size;
  if (size != n) return abort("unpacking the wrong number of values");
  if (list && cs.as<List>()->bytes() != nullptr) return abort("unpacking a list of bytes");
  IrRef p = emit(IrOp::OBJPTR, IrType::Ptr, seq);
  IrRef len = mem(IrOp::LDI, IrType::Int, p, kNoRef, kNoRef, list ? kListSize : kTupleSize, list ? kAliasListSize : kAliasTupleItem);
  guard(IrOp::GEQP, len, static_cast<int64_t>(n));
  IrRef items = list ? list_storage(p, cs.as<List>()) : p;
  int64_t off = list ? kArrayItems : kTupleItems;
  const Value* citems = list ? cs.as<List>()->items() : cs.as<Tuple>()->items;
  std::vector<IrRef> raws(n);
  for (uint32_t i = 0; i < n; ++i) raws[i] = mem(IrOp::LDXV, IrType::Val, items, kint(i), kNoRef, off, list ? kAliasArrayItem : kAliasTupleItem);
  pop();
  for (uint32_t i = n; i-- > 0;) push(raws[i]);
  // The items' type guards resume after the unpacking, with them pushed.
  pc_ += 1;
  for (uint32_t i = 0; i < n; ++i) {
    IrRef v = specialise(raws[i], citems[i]);
    set_slot(sp_ - 1 - i, v);
  }
  pc_ -= 1;
  return Status::kContinue;
}

Recorder::Status Recorder::get_iter() {
  IrRef o = top();
  Value co = concrete(sp_ - 1);
  Klass* k = klass_of(o);
  Klass* result;
  if (k == vm_.types.list) result = vm_.types.list_iterator;
  else if (k == vm_.types.range && !range_is_big(co.as<Range>())) result = vm_.types.range_iterator;
  else return abort("iter() of " + std::string(type_name(vm_, co)));
  IrRef it = call_helper(reinterpret_cast<const void*>(&helpers::get_iter), "get_iter", IrType::Val,
                         {kptr(&vm_), o}, true);
  guard_not_exception(it);
  keep_alive(result);
  klass_[it] = result;
  pop();
  push(it);
  return Status::kContinue;
}

}  // namespace contrail::jit
