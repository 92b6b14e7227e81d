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

uint32_t drop_unneeded_type_guards(Trace& t, const std::vector<uint8_t>& type_used) {
  const size_t n = t.ir.size();
  std::vector<uint8_t> read(n, 0);      // an instruction reads the ref
  std::vector<uint8_t> not_copy(n, 0);  // a Val read other than its guard, unbox or a store's value
  for (size_t i = 0; i < n; ++i) {
    const Ins& ins = t.ir[i];
    auto use = [&](IrRef r, bool copy) {
      if (r == kNoRef || r >= n) return;
      read[r] = 1;
      if (!copy) not_copy[r] = 1;
    };
    const bool type_op = ins.op == IrOp::GINT || ins.op == IrOp::GFLT || ins.op == IrOp::UNBOXI || ins.op == IrOp::UNBOXF;
    use(ins.a, type_op || ins.op == IrOp::SSTORE);
    use(ins.b, false);
    use(ins.c, ins.op == IrOp::STXV);
    if (ins.op == IrOp::CALL && ins.imm >= 0 && static_cast<size_t>(ins.imm) < t.calls.size()) {
      const CallDesc& call = t.calls[static_cast<size_t>(ins.imm)];
      for (uint8_t k = 0; k < call.nargs && k < 6; ++k) use(call.args[k], false);
    }
  }
  std::vector<IrRef> guard_of(n, kNoRef);  // Val -> its GINT/GFLT (CSE leaves one per value)
  for (size_t g = 0; g < n; ++g)
    if ((t.ir[g].op == IrOp::GINT || t.ir[g].op == IrOp::GFLT) && t.ir[g].a < n) guard_of[t.ir[g].a] = static_cast<IrRef>(g);
  std::vector<IrRef> boxed_of(n, kNoRef);  // dropped unbox -> its Val
  uint32_t removed = 0;
  for (size_t u = 0; u < n; ++u) {
    const Ins& un = t.ir[u];
    if ((un.op != IrOp::UNBOXI && un.op != IrOp::UNBOXF) || read[u] || (u < type_used.size() && type_used[u]))
      continue;
    const IrRef v = un.a;
    if (v == kNoRef || v >= n || not_copy[v] || ir_is_const(t.ir[v].op)) continue;
    const IrOp want = un.op == IrOp::UNBOXI ? IrOp::GINT : IrOp::GFLT;
    const IrRef g = guard_of[v];
    if (g == kNoRef || t.ir[g].op != want) continue;
    t.ir[g] = Ins{IrOp::NOP, IrType::Void};
    ++removed;
    boxed_of[u] = v;
  }
  if (removed == 0) return 0;
  for (SnapEntry& e : t.snap_entries)
    if (e.ref < n && boxed_of[e.ref] != kNoRef) e.ref = boxed_of[e.ref];
  for (CleanEntry& e : t.clean_entries)  // no longer a checked int or float
    if (e.ref < n && boxed_of[e.ref] != kNoRef) e.ref = kNoRef;
  return removed;
}

uint32_t dce(Trace& t) {
  const size_t n = t.ir.size();
  std::vector<bool> live(n, false);
  for (const SnapEntry& e : t.snap_entries) mark(live, e.ref);
  for (size_t i = n; i-- > 0;) {
    const Ins& ins = t.ir[i];
    if (is_root(ins.op)) live[i] = true;
    if (live[i]) mark_operands(t, ins, live);
  }
  // Clean entries are optional: they keep nothing alive.
  for (CleanEntry& e : t.clean_entries)
    if (e.ref != kNoRef && (e.ref >= n || (!live[e.ref] && is_removable(t.ir[e.ref].op)))) e.ref = kNoRef;
  uint32_t removed = 0;
  for (size_t i = 0; i < n; ++i) {
    if (live[i] || !is_removable(t.ir[i].op)) continue;
    t.ir[i] = Ins{IrOp::NOP, IrType::Void};
    ++removed;
  }
  return removed;
}

}  // namespace contrail::jit
