// jit/opt_dce.cpp -- Dead-code elimination over a recorded trace.
// Invariants:
//  - Refs never move: a dead instruction becomes NOP in place (no operands,
//    no snap, imm 0), which the backend skips.
//  - Only pure instructions and loads die. Guards (value guards included),
//    stores, SSTORE, CALL, LOOP and JTRACE are roots, and so is every ref a
//    snapshot mentions: an exit must be able to rebuild the interpreter state
//    even if nothing in the trace reads the value again.
//  - One backward pass suffices because operands always precede their user.
// Depends on jit/ir.h and jit/trace.h only.
#include <vector>

#include "jit/opt.h"

namespace contrail::jit {

namespace {

bool is_root(IrOp op) { return ir_op_flags(op) & (kIrSide | kIrGuard); }
bool is_removable(IrOp op) { return !is_root(op) && (ir_op_flags(op) & (kIrPure | kIrLoad)); }

void mark(std::vector<bool>& live, IrRef ref) {
  if (ref != kNoRef && ref < live.size()) live[ref] = true;
}

// Marks the operands of a live instruction, including a CALL's arguments.
void mark_operands(const Trace& t, const Ins& ins, std::vector<bool>& live) {
  mark(live, ins.a);
  mark(live, ins.b);
  mark(live, ins.c);
  if (ins.op != IrOp::CALL || ins.imm < 0 || static_cast<size_t>(ins.imm) >= t.calls.size()) return;
  const CallDesc& call = t.calls[static_cast<size_t>(ins.imm)];
  for (uint8_t i = 0; i < call.nargs && i < 6; ++i) mark(live, call.args[i]);
}

}  // namespace

uint32_t dce(Trace& t) {
  const size_t n = t.ir.size();
  std::vector<bool> live(n, false);
  for (const SnapEntry& e : t.snap_entries) mark(live, e.ref);
  for (size_t i = n; i-- > 0;) {
    const Ins& ins = t.ir[i];
    if (is_root(ins.op)) live[i] = true;
    if (live[i]) mark_operands(t, ins, live);
  }
  uint32_t removed = 0;
  for (size_t i = 0; i < n; ++i) {
    if (live[i] || !is_removable(t.ir[i].op)) continue;
    t.ir[i] = Ins{IrOp::NOP, IrType::Void};
    ++removed;
  }
  return removed;
}

}  // namespace contrail::jit
