// jit/deopt.cpp -- Leaving a trace: the C++ half of the shared exit handler.
// Reads the snapshot of the exit taken, boxes each value from where the
// backend kept it (register saved by the exit handler, spill slot, constant)
// into the interpreter frame, and sets the frame's pc and vm.sp; then either
// continues in the side trace attached to that exit or returns to the
// interpreter (possibly asking for a side trace to be recorded). An exit at a
// trace's end that resumes at a compiled loop is linked to it on first use
// (jit/exit_link.h), so later exits skip this file.
// Invariant: restore_snapshot runs with the trace's spill area still on the
// stack (the exit handler calls it before unwinding).
#include <bit>

#include "jit/exit_link.h"
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
  Frame* anchor = act->frame;
  anchor->pc = anchor->code->code() + s.pc;
  // Rebuild the inlined frames above the anchor (run_trace checked that they fit).
  Frame* f = anchor;
  for (uint32_t k = 0; k < s.nframes; ++k) {
    const SnapFrame& sf = t.snap_frames[s.first_frame + k];
    Code* c = sf.func->code;
    ++f;
    f->func = sf.func;
    f->code = c;
    f->globals = sf.func->globals;
    f->locals = base + sf.base;
    f->stack_base = f->locals + c->nlocals + c->ncells + c->nfree;
    f->pc = c->code() + sf.pc;
    f->result_slot = base + sf.result_slot;
    f->is_entry = 0;
    f->is_init = sf.init ? 1 : 0;
    f->gen = nullptr;
    f->ns = nullptr;
    c->entry_counter++;  // a new interpreter activation (jit.cpp tells them apart by it)
  }
  vm.frame = f;
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
    // The end of a trace at a loop: continue in that loop's trace.
    const Code* loop_code = s.nframes > 0 ? t.snap_frames[s.first_frame + s.nframes - 1].func->code : s.code;
    int next = jit.root_at(loop_code, s.link_pc);
    if (next >= 0 && s.nframes > 0) {
      // The loop runs in an inlined frame restore_snapshot just rebuilt: its
      // trace is anchored there (the exit handler reloads r12 from act->base).
      Frame* inner = vm.frame;
      if (!jit.fits(inner)) return nullptr;
      if (!s.linked) {
        // Later exits here write the frames in machine code (jit/exit_link.h).
        s.linked = true;
        FrameLink fl{&vm, jit.options.params.maxinline, jit.tramp.exit_handler};
        std::string why;
        if (link_exit(t, index, *jit.traces[next], jit.mem, &vm.sp, &fl, &why))
          jit.verbose("trace " + std::to_string(id) + " exit " + std::to_string(index) + ": linked to trace " +
                      std::to_string(next) + " (frames)");
      }
      act->frame = inner;
      act->base = inner->locals;
      act->trace = jit.traces[next].get();
      act->trace->entries++;
      return jit.entries[next];
    }
    if (next >= 0) {
      // -- Fast exit (jit/exit_link.h) ---------------------------------------------
      // Later exits here jump straight to the loop's trace. Safe while this
      // trace runs: its stub already ran; flushes happen only with no trace
      // active. Failure (code memory full) just keeps this slow path.
      if (!s.linked) {
        s.linked = true;
        std::string why;
        if (link_exit(t, index, *jit.traces[next], jit.mem, &vm.sp, nullptr, &why))
          jit.verbose("trace " + std::to_string(id) + " exit " + std::to_string(index) + ": linked to trace " +
                      std::to_string(next));
      }
      // -- end fast exit -------------------------------------------------------------
      act->trace = jit.traces[next].get();
      act->trace->entries++;
      return jit.entries[next];
    }
    return nullptr;
  }
  // Side traces grown from side traces form chains at polymorphic sites (one
  // trace per callee identity, each re-checking the same guard): cap the chain.
  if (s.side == -1 && s.taken >= jit.options.params.hotexit && !jit.rec &&
      t.side_depth < jit.options.params.maxsidedepth) {
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
