// jit/recorder.h -- Turns the bytecodes the interpreter executes into trace IR,
// specialised on the types it observes, with a guard for every assumption.
// Invariants:
//  - step() runs before the interpreter executes the instruction, so the
//    concrete frame (slots, operand stack) is the state *before* it. A guard
//    emitted for an instruction snapshots that state and resumes the
//    interpreter at that instruction; it comes before any memory side effect
//    of the instruction, except after a helper that changed nothing when it
//    failed. Type guards on an instruction's result resume after it.
//  - Frame slots are virtual during the trace: slot_[i] is the IR value of
//    slot i (numbered from the anchor frame's locals, inlined frames above
//    them) when the trace has read or written it (kNoRef: memory holds it).
//    Only written slots (dirty) go into snapshots and are stored back when
//    the trace ends other than by a peeled loop.
//  - Inlined calls exist only in the recorder (frames_) and in snapshots; a
//    loop inside an inlined call ends the trace (an exit at its back-edge);
//    recursion aborts. A side trace may return from its anchor frame (RETF)
//    and carry on in the caller, which becomes the anchor.
//  - A root trace records one iteration of its loop; an iteration that
//    leaves the loop (exit condition, break, return) aborts as "unlucky" and
//    is retried, and after kMaxUnluckyRetries accepted: such a root is not a
//    loop (Trace::is_loop false), and the side trace that runs the loop's
//    iterations records past its header and closes a loop on itself.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jit/liveness.h"
#include "jit/opt.h"
#include "jit/params.h"
#include "jit/trace.h"
#include "runtime/bytecode.h"
#include "runtime/value.h"

namespace contrail::runtime {
class Vm;
struct Code;
struct Dict;
struct Frame;
struct Function;
struct Klass;
struct List;
struct Str;
}  // namespace contrail::runtime

namespace contrail::jit {

class Recorder {
 public:
  // Per IR ref: 1 when a recording decision depended on the value's type
  // (type(), klass_of()): its type guard must stay even if nothing reads the
  // unboxed value (drop_unneeded_type_guards, jit/opt.h). Boxing to store is
  // not such a decision.
  const std::vector<uint8_t>& type_used() const { return type_used_; }
  enum class Status { kContinue, kClosed, kAbort };

  // The compiled root trace whose loop header is [pc] of [code] (id -1: none).
  struct LoopTrace {
    int id = -1;
    bool is_loop = false;  // Trace::is_loop
  };
  using TraceAt = std::function<LoopTrace(const runtime::Code* code, uint32_t pc)>;

  // Records [trace] in [frame]. The trace ends
  //  - for a root trace (trace->parent < 0), when the loop jumps back to
  //    trace->start_pc: LOOP;
  //  - when execution reaches the header of a compiled loop: JTRACE to it;
  //  - when a loop without a trace jumps back: an exit to the interpreter at
  //    that back-edge (Snapshot::link), which continues in a trace for that
  //    loop if one exists by then;
  //  - for a side trace, when it comes back to its own start after going
  //    round its root's loop (a root that is not a loop): LOOP.
  Recorder(runtime::Vm& vm, runtime::Frame* frame, Trace* trace, const Params& params, TraceAt trace_at);

  // A side trace starting at an exit inside inlined frames records in the
  // innermost of them: take the frame chain from the parent's snapshot.
  void start_in_inlined_frames(const Trace& parent, const Snapshot& snap);
  // A side trace takes over the values of the parent's snapshot where the
  // parent keeps them (PVAL): no memory round trip, no type re-check. Call
  // before anything else is recorded. Does nothing (the trace then reads the
  // slots the exit wrote) when a value has no location to take it from.
  void inherit(const Trace& parent, const Snapshot& snap);

  // Emits IR for the instruction at [pc] (not yet executed).
  Status step(runtime::Frame* frame, const uint32_t* pc);

  const std::string& abort_reason() const { return abort_reason_; }
  uint32_t abort_pc() const { return abort_pc_; }
  uint32_t current_pc() const { return pc_; }
  // The code object abort_pc / current_pc index (inlined calls and RETF change it).
  runtime::Code* abort_code() const { return abort_code_; }
  runtime::Code* current_code() const { return code(); }
  // The abort happened because the recorded iteration left the loop.
  bool unlucky() const { return unlucky_; }
  // After repeated unlucky recordings: accept an iteration that leaves the
  // loop (by return or by its exit) as the trace; the loop's iterations then
  // continue in a side trace.
  void accept_return() { accept_return_ = true; }
  runtime::Frame* frame() const { return frame_; }
  uint32_t depth() const { return static_cast<uint32_t>(frames_.size()); }

 private:
  using Value = runtime::Value;
  using Klass = runtime::Klass;

  Status abort(std::string reason);
  Status record(runtime::Op op, uint32_t arg);
  Status close_loop();
  // At the header of compiled loop [target]: link to it, or (side traces of
  // a root that is not a loop) go on recording the loop's iteration here.
  bool keep_recording_at(const LoopTrace& target);
  bool unrolls(const LoopTrace& target, uint32_t header_pc) const;
  // Appends LOOPSTART, a copy of the recorded iteration with every value
  // substituted (re-folded, so invariant code and redundant guards drop out)
  // and PHIs for the loop-carried values; false (IR untouched) when the
  // iteration's values do not line up (a slot changes type).
  bool peel_loop();
  Status close_link(int target);
  Status close_exit(uint32_t resume_pc, bool link, uint32_t link_pc);
  void store_back();

  // -- IR emission --------------------------------------------------------------
  IrRef emit(IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef, IrRef c = kNoRef, int64_t imm = 0);
  IrRef guard(IrOp op, IrRef a = kNoRef, int64_t imm = 0, IrRef b = kNoRef);
  // A load or store of alias class [alias] (IrAlias).
  IrRef mem(IrOp op, IrType type, IrRef a, IrRef b, IrRef c, int64_t imm, uint16_t alias);
  IrRef kint(int64_t v);
  IrRef kflt(double d);
  IrRef kval(Value v);
  IrRef kptr(const void* p);
  uint32_t snapshot();
  // Slot [s] is a fast local of one of the snapshot frames (the anchor,
  // resuming at [anchor_pc], then [frames] with their own pcs, innermost
  // resuming at [inner_pc]) that its code does not read before writing it.
  bool dead_local(uint32_t s, uint32_t inner_pc) const;
  const LocalLiveness& liveness(runtime::Code* code) const;
  // The type of [r]; the recorder is about to rely on it (see type_used()).
  IrType type(IrRef r) const {
    note_type_use(r);
    return trace_->ir[r].type;
  }
  void note_type_use(IrRef r) const {
    if (r >= type_used_.size()) type_used_.resize(r + 1 + r / 2, 0);
    type_used_[r] = 1;
  }

  // -- values ---------------------------------------------------------------------
  // The IR value of frame slot [s] (loading and specialising it on first use).
  IrRef slot(uint32_t s);
  void set_slot(uint32_t s, IrRef r);
  IrRef pop();
  IrRef top(uint32_t n = 1) { return slot(sp_ - n); }
  void push(IrRef r);
  // Guards a boxed value [v] (whose concrete value is [c]) to its type and
  // returns the typed IR value (Int, Flt, a constant for bools and None, or
  // a Val with a known class).
  IrRef specialise(IrRef v, Value c);
  IrRef box(IrRef r);
  IrRef to_float(IrRef r);
  Klass* klass_of(IrRef r) const;
  bool is_const(IrRef r) const { return ir_is_const(trace_->ir[r].op); }
  Value const_val(IrRef r) const { return Value::from_bits(static_cast<uint64_t>(trace_->ir[r].imm)); }
  Value concrete(uint32_t s) const;
  void keep_alive(const void* obj);
  void keep_alive_value(Value v);

  // -- bytecode families ------------------------------------------------------------
  Status binary(runtime::BinOp op);
  Status compare(runtime::CmpOp op);
  Status truth(IrRef v, Value c, bool* out, IrRef* cond);
  Status branch(bool jump_if, bool pop_always, uint32_t target);
  Status for_iter(uint32_t exit_pc);
  Status subscr();
  IrRef bounded_index(IrRef i, IrRef n, int64_t* idx, uint64_t size);
  IrRef list_storage(IrRef list, const runtime::List* l);
  Status store_subscr();
  Status load_global(uint32_t name);
  Status load_attr(uint32_t name, bool method);
  Status store_attr(uint32_t name);
  Status call(uint32_t nargs);
  Status unpack(uint32_t n);
  Status contains(bool negate);
  Status list_append_at(uint32_t depth);
  // True for keys whose hashing and equality run no Python code.
  bool is_plain_key(IrRef key) const;
  Status get_iter();
  // Emits a call to helper [fn] returning [ret]; [can_gc] helpers get a stack
  // map; [pure] ones (arithmetic) leave the trace's loads valid.
  IrRef call_helper(const void* fn, const char* name, IrType ret, std::initializer_list<IrRef> args, bool can_gc,
                    bool pure = false);
  // Guards that a helper's Val result is not EXCEPTION (resuming at the current instruction).
  void guard_not_exception(IrRef r);
  Status call_native(Value fn, IrRef self, const std::vector<IrRef>& args, const std::vector<Value>& cargs);
  IrRef guard_dict_version(runtime::Obj* dict);
  Status store_global(uint32_t name);
  IrRef global_entry(runtime::Dict* d, runtime::Str* name);
  bool stores_globals(runtime::Code* c) const;

  // A Python call inlined into the trace (the anchor frame is not in frames_).
  struct InlineFrame {
    runtime::Function* func;
    runtime::Code* code;
    uint32_t base;         // first local, as a slot index from the anchor's locals
    uint32_t return_pc;    // caller's instruction after the CALL
    uint32_t result_slot;  // caller's slot receiving the return value
    bool init;             // __init__ of a class call: the result slot holds the instance
  };
  runtime::Code* code() const;
  runtime::Dict* globals() const;
  uint32_t base() const { return frames_.empty() ? 0 : frames_.back().base; }
  void ensure_slots(uint32_t n);
  Status inline_call(runtime::Function* fn, uint32_t fslot, uint32_t args_slot, uint32_t nargs, bool init = false);
  Status inline_return();
  Status return_to_caller();

  runtime::Vm& vm_;
  runtime::Frame* frame_;   // the anchor frame
  runtime::Value* anchor_;  // its locals: slot i is anchor_[i]
  std::vector<InlineFrame> frames_;
  Trace* trace_;
  Params params_;
  TraceAt trace_at_;
  FoldState fold_;

  uint32_t pc_ = 0;   // index of the instruction being recorded
  uint32_t sp_ = 0;   // operand-stack top as a slot index (mirrors the interpreter)
  uint32_t nfixed_ = 0;  // locals + cells + frees
  std::vector<IrRef> slot_;
  std::vector<uint8_t> dirty_;
  std::unordered_map<IrRef, Klass*> klass_;
  mutable std::vector<uint8_t> type_used_;
  mutable std::unordered_map<const runtime::Code*, LocalLiveness> liveness_;
  // Globals dicts whose globals live in their entries for this trace (code in
  // it stores globals), and those read under a version guard.
  std::unordered_set<const runtime::Dict*> entry_globals_, version_globals_;
  uint32_t last_snap_ = kNoSnap;
  bool snap_stale_ = true;
  uint32_t instructions_ = 0;
  uint32_t loop_end_ = UINT32_MAX;  // root traces: the loop's last back-edge (pc)
  bool returned_ = false;           // a RETF moved the anchor
  bool passed_header_ = false;      // went past the header of its own root, which is not a loop
  uint32_t root_loop_end_ = 0;      // side traces: the root loop's last back-edge (0: not this code)
  uint32_t unroll_left_ = 0;        // inner-loop iterations still to record (loopunroll)

  bool unlucky_ = false;
  bool accept_return_ = false;
  std::string abort_reason_;
  uint32_t abort_pc_ = 0;
  runtime::Code* abort_code_ = nullptr;
};

}  // namespace contrail::jit
