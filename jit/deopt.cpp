// jit/deopt.cpp -- Leaving a trace: the C++ half of the shared exit handler.
// Reads the snapshot of the exit taken, boxes each value from where the
// backend kept it (register saved by the exit handler, spill slot, constant)
// into the interpreter frame, and sets the frame's pc and vm.sp; then either
// continues in the side trace attached to that exit or returns to the
// interpreter (possibly asking for a side trace to be recorded).
// Invariant: restore_snapshot runs with the trace's spill area still on the
// stack (the exit handler calls it before unwinding).
#include <bit>

#include "jit/jit_state.h"
#include "runtime/frame.h"
#include "runtime/obj_func.h"
#include "runtime/vm.h"

namespace contrail::jit {

using namespace runtime;

namespace {

uint64_t raw_value(const Activation* act, const Trace& t, IrRef ref) {
  const Loc& loc = t.locs[ref];
  switch (loc.kind) {
    case Loc::kGpr: return act->regs.gpr[loc.reg];
    case Loc::kXmm: return act->regs.xmm[loc.reg];
    case Loc::kSpill: return *reinterpret_cast<const uint64_t*>(act->spill_base + 8 * static_cast<size_t>(loc.spill));
    case Loc::kConst: return static_cast<uint64_t>(t.ir[ref].imm);
    case Loc::kNone: break;
  }
  internal_error(__FILE__, __LINE__, "snapshot value without a location");
}

Value box(const Trace& t, IrRef ref, uint64_t raw) {
  switch (t.ir[ref].type) {
    case IrType::Int: return Value::small_int(static_cast<int64_t>(raw));
    case IrType::Flt: return Value::from_double(std::bit_cast<double>(raw));
    case IrType::Bool: return Value::boolean(raw & 1);
    case IrType::Val: return Value::from_bits(raw);
    default: break;
  }
  internal_error(__FILE__, __LINE__, "snapshot value of a non-Python type");
}

}  // namespace

void restore_snapshot(Activation* act, const Trace& t, uint32_t snap) {
  const Snapshot& s = t.snaps[snap];
  Value* base = act->base;
  for (uint32_t i = 0; i < s.count; ++i) {
    const SnapEntry& e = t.snap_entries[s.first + i];
    base[e.slot] = box(t, e.ref, raw_value(act, t, e.ref));
  }
  Vm& vm = *act->vm;
  vm.frame->pc = vm.frame->code->code() + s.pc;
  vm.sp = base + s.nslots;
}

const void* handle_exit(Activation* act) {
  Vm& vm = *act->vm;
  Jit& jit = *static_cast<Jit*>(vm.jit);
  uint32_t id = act->exit_snap >> kExitIdShift, index = act->exit_snap & kExitIndexMask;
  Trace& t = *jit.traces[id];
  restore_snapshot(act, t, index);
  act->callsite = UINT32_MAX;
  Snapshot& s = t.snaps[index];
  s.taken++;
  jit.stats.exits++;
  if (s.side >= 0 && static_cast<size_t>(s.side) < jit.entries.size() && jit.entries[s.side] != nullptr) {
    act->trace = jit.traces[s.side].get();
    act->trace->entries++;
    return jit.entries[s.side];
  }
  if (s.link) {
    // The end of a trace at a loop header: continue in that loop's trace.
    int next = jit.root_at(t.code, s.pc);
    if (next >= 0) {
      act->trace = jit.traces[next].get();
      act->trace->entries++;
      return jit.entries[next];
    }
    return nullptr;
  }
  if (s.side == -1 && s.taken >= jit.options.params.hotexit && !jit.rec) {
    const Trace& root = *jit.traces[t.root];
    uint32_t sides = 0;
    for (const auto& other : jit.traces)
      if (other && other->root == root.id && other->id != root.id) ++sides;
    if (sides < jit.options.params.maxside) {
      jit.side_request_trace = static_cast<int>(id);
      jit.side_request_snap = index;
    }
  }
  return nullptr;
}

}  // namespace contrail::jit
