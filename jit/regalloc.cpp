// jit/regalloc.cpp -- Linear-scan register allocation (Poletto & Sarkar) over
// the straight-line trace, and the schedule of a peeled loop's PHI moves.
// Owns Trace::locs, Trace::spill_slots and Trace::stackmaps.
// Invariants (see jit/regalloc.h): one location per value for its whole life;
// a value is expired only after its last use, so a destination never aliases
// anything live at its instruction; values across CALLs obey the clobber and
// GC rules. Because locations are decided before any code is generated, a
// value spilled after the fact simply lives in its spill slot from its def.
// PHI coalescing (after the scan) gives a PHI's next value its target's
// register when their lives within one iteration do not overlap.
// A peeled loop needs no special case in the scan: stretching the live range
// of every value the loop body reads from before LOOPSTART to the end of the
// trace makes the straight-line rules hold around the back edge too.
// Depends on jit/trace.h and jit/abi.h only.
#include "jit/regalloc.h"

#include <algorithm>
#include <cstddef>

namespace contrail::jit {

namespace {

bool defines_value(const Ins& ins) {
  return ins.op != IrOp::NOP && ins.type != IrType::Void;
}

// Calls [f](ref) for every ref [ins] uses (operands, CALL args, snapshot entries).
template <class F>
void for_each_use(const Trace& t, const Ins& ins, F&& f) {
  if (ins.op == IrOp::NOP) return;
  for (IrRef r : {ins.a, ins.b, ins.c})
    if (r != kNoRef) f(r);
  if (ins.op == IrOp::CALL && static_cast<size_t>(ins.imm) < t.calls.size()) {
    const CallDesc& desc = t.calls[ins.imm];
    for (int i = 0; i < desc.nargs; i++) f(desc.args[i]);
  }
  if (ins.snap != kNoSnap && ins.snap < t.snaps.size()) {
    const Snapshot& snap = t.snaps[ins.snap];
    for (uint32_t i = 0; i < snap.count; i++) f(t.snap_entries[snap.first + i].ref);
  }
}

// Positions of CALLs; is a value [def, end] live across one of them?
struct CallSites {
  std::vector<uint32_t> all, gc;

  static bool crosses(const std::vector<uint32_t>& pos, uint32_t def, uint32_t end) {
    auto it = std::upper_bound(pos.begin(), pos.end(), def);
    return it != pos.end() && *it < end;
  }
};

// Allocation state of the forward scan.
class LinearScan {
 public:
  LinearScan(Trace& t, const std::vector<uint32_t>& last_use, const CallSites& calls,
             bool stage)
      : t_(t), last_use_(last_use), calls_(calls) {
    std::fill(std::begin(gpr_owner_), std::end(gpr_owner_), kNoRef);
    std::fill(std::begin(xmm_owner_), std::end(xmm_owner_), kNoRef);
    if (stage)
      for (uint32_t i = 0; i < kCallStageSlots; i++) slots_.push_back({kNoRef, kReserved});
  }

  bool run(std::string* why);

 private:
  static constexpr int64_t kReserved = INT64_MAX;
  struct Slot {
    IrRef owner;         // kNoRef when free
    int64_t busy_until;  // last use of the latest owner (kReserved: call staging)
  };

  void expire(uint32_t pos);
  void allocate(IrRef ref);
  bool try_free_reg(IrRef ref, const uint8_t* regs, size_t n, bool xmm);
  void spill(IrRef ref);
  Loc::Kind kind_of(IrRef ref) const { return t_.locs[ref].kind; }

  Trace& t_;
  const std::vector<uint32_t>& last_use_;
  const CallSites& calls_;
  IrRef gpr_owner_[16];
  IrRef xmm_owner_[16];
  std::vector<IrRef> active_;  // values holding a register or a slot
  std::vector<Slot> slots_;
  bool overflow_ = false;
};

bool LinearScan::run(std::string* why) {
  t_.locs.assign(t_.ir.size(), Loc{});
  for (IrRef ref = 0; ref < t_.ir.size(); ref++) {
    expire(ref);
    const Ins& ins = t_.ir[ref];
    if (!defines_value(ins)) continue;
    if (ir_is_const(ins.op)) {
      t_.locs[ref].kind = Loc::kConst;
      continue;
    }
    allocate(ref);
    if (overflow_) {
      *why = "too many spill slots";
      return false;
    }
  }
  t_.spill_slots = static_cast<uint32_t>(slots_.size());
  return true;
}

// Frees the location of every value whose last use lies before [pos].
void LinearScan::expire(uint32_t pos) {
  size_t keep = 0;
  for (IrRef ref : active_) {
    if (last_use_[ref] >= pos) {
      active_[keep++] = ref;
      continue;
    }
    const Loc& loc = t_.locs[ref];
    if (loc.kind == Loc::kGpr) gpr_owner_[loc.reg] = kNoRef;
    if (loc.kind == Loc::kXmm) xmm_owner_[loc.reg] = kNoRef;
    if (loc.kind == Loc::kSpill) slots_[loc.spill].owner = kNoRef;
  }
  active_.resize(keep);
}

void LinearScan::allocate(IrRef ref) {
  const uint32_t end = last_use_[ref];
  const bool xmm = is_xmm_type(t_.ir[ref].type);
  const bool across = CallSites::crosses(calls_.all, ref, end);
  const bool across_gc = CallSites::crosses(calls_.gc, ref, end);
  active_.push_back(ref);
  if ((xmm && across) || (t_.ir[ref].type == IrType::Val && across_gc)) {
    spill(ref);
    return;
  }
  if (xmm) {
    uint8_t regs[kLastAllocXmm - kFirstAllocXmm + 1];
    for (uint8_t r = kFirstAllocXmm; r <= kLastAllocXmm; r++) regs[r - kFirstAllocXmm] = r;
    if (!try_free_reg(ref, regs, sizeof regs, true)) spill(ref);
  } else if (across) {
    if (!try_free_reg(ref, kCalleeSavedGprs, std::size(kCalleeSavedGprs), false)) spill(ref);
  } else {
    if (!try_free_reg(ref, kAllocGprs, std::size(kAllocGprs), false)) spill(ref);
  }
}

// Gives [ref] a free register of [regs], or steals the register of the value
// (in [regs]) that ends last when that is later than [ref]'s end; the victim
// moves to a spill slot for its whole life. False: [ref] must be spilled.
bool LinearScan::try_free_reg(IrRef ref, const uint8_t* regs, size_t n, bool xmm) {
  IrRef* owner = xmm ? xmm_owner_ : gpr_owner_;
  const Loc::Kind kind = xmm ? Loc::kXmm : Loc::kGpr;
  for (size_t i = 0; i < n; i++) {
    if (owner[regs[i]] != kNoRef) continue;
    owner[regs[i]] = ref;
    t_.locs[ref] = Loc{kind, regs[i], -1};
    return true;
  }
  size_t victim = n;
  for (size_t i = 0; i < n; i++)
    if (victim == n || last_use_[owner[regs[i]]] > last_use_[owner[regs[victim]]]) victim = i;
  const uint8_t reg = regs[victim];
  const IrRef loser = owner[reg];
  if (last_use_[loser] <= last_use_[ref]) return false;
  spill(loser);
  owner[reg] = ref;
  t_.locs[ref] = Loc{kind, reg, -1};
  return true;
}

// Moves [ref] to a spill slot that is free over its whole life [def, end].
void LinearScan::spill(IrRef ref) {
  int32_t slot = -1;
  for (size_t i = 0; i < slots_.size(); i++) {
    if (slots_[i].owner == kNoRef && slots_[i].busy_until < static_cast<int64_t>(ref)) {
      slot = static_cast<int32_t>(i);
      break;
    }
  }
  if (slot < 0) {
    if (slots_.size() >= kMaxSpillSlots) {
      overflow_ = true;
      slot = 0;  // placeholder; the allocation fails
    } else {
      slot = static_cast<int32_t>(slots_.size());
      slots_.push_back({kNoRef, -1});
    }
  }
  if (!overflow_) slots_[slot] = {ref, last_use_[ref]};
  t_.locs[ref] = Loc{Loc::kSpill, 0, slot};
}

// One StackMap per GC-capable CALL: the spill slots of every Val live across it.
void build_stackmaps(Trace& t, const std::vector<uint32_t>& last_use, const CallSites& calls,
                     RegAllocInfo* info) {
  t.stackmaps.clear();
  for (uint32_t c : calls.gc) {
    StackMap map;
    map.callsite = static_cast<uint32_t>(t.stackmaps.size());
    info->callsite[c] = static_cast<int32_t>(map.callsite);
    for (IrRef ref = 0; ref < c; ref++) {
      if (t.ir[ref].type != IrType::Val || t.locs[ref].kind != Loc::kSpill) continue;
      if (last_use[ref] > c) map.ref_slots.push_back(t.locs[ref].spill);
    }
    std::sort(map.ref_slots.begin(), map.ref_slots.end());
    t.stackmaps.push_back(std::move(map));
  }
}

// -- Peeled loops --------------------------------------------------------------------

IrRef find_loop_start(const Trace& t) {
  for (IrRef ref = 0; ref < t.ir.size(); ref++)
    if (t.ir[ref].op == IrOp::LOOPSTART) return ref;
  return kNoRef;
}

// Why PHI [p] is malformed, or null. [targets] collects the PHI targets seen.
const char* bad_phi(const Trace& t, IrRef loop_start, IrRef p, std::vector<IrRef>& targets) {
  const Ins& phi = t.ir[p];
  if (loop_start == kNoRef || p < loop_start) return "PHI outside a peeled loop";
  if (phi.a >= loop_start || phi.b >= p) return "PHI operand out of order";
  if (t.ir[phi.a].type == IrType::Void || t.ir[phi.a].op == IrOp::NOP ||
      t.ir[phi.a].type != t.ir[phi.b].type)
    return "PHI operands differ in type";
  if (ir_is_const(t.ir[phi.a].op)) return "PHI target is a constant";
  if (std::find(targets.begin(), targets.end(), phi.a) != targets.end())
    return "two PHIs with one target";
  targets.push_back(phi.a);
  for (IrRef r = p + 1; r < t.ir.size(); r++) {
    if (t.ir[r].op == IrOp::LOOP) return nullptr;
    if (t.ir[r].op != IrOp::PHI && t.ir[r].op != IrOp::NOP) break;
  }
  return "PHI not right before LOOP";
}

// The PHI moves, as parallel moves between the allocated locations.
std::vector<LoopMove> phi_moves(const Trace& t) {
  std::vector<LoopMove> moves;
  for (const Ins& ins : t.ir) {
    if (ins.op != IrOp::PHI) continue;
    const Loc& src = t.locs[ins.b];
    moves.push_back({t.locs[ins.a], src, src.kind == Loc::kConst ? t.ir[ins.b].imm : 0,
                     t.ir[ins.a].type});
  }
  return moves;
}

// Is [place] the source of a move in [moves] other than moves[skip]?
bool is_read(const std::vector<LoopMove>& moves, const Loc& place, size_t skip) {
  for (size_t i = 0; i < moves.size(); i++)
    if (i != skip && same_place(moves[i].src, place)) return true;
  return false;
}

// -- PHI coalescing ------------------------------------------------------------------

// The scan keeps a PHI target a in its place until LOOP, but within one
// iteration a is dead after its last use other than its PHI. When its next
// value b is defined after that, b can take a's register: no other value
// was given that register after a's definition, so nothing else is there
// from b on, and the PHI move disappears. Only register pairs of one class
// are coalesced; a target that is also a PHI source (a swap) is read at
// LOOP, so it never qualifies.
void coalesce_phis(Trace& t, IrRef loop_start) {
  if (loop_start == kNoRef) return;
  std::vector<uint32_t> last(t.ir.size());
  for (IrRef ref = 0; ref < t.ir.size(); ref++) last[ref] = ref;
  for (IrRef pos = 0; pos < t.ir.size(); pos++) {
    const Ins& ins = t.ir[pos];
    auto use = [&](IrRef r) { if (r < pos) last[r] = std::max(last[r], pos); };
    if (ins.op == IrOp::PHI) use(ins.b);
    else for_each_use(t, ins, use);
  }
  std::vector<uint8_t> moved(t.ir.size(), 0);
  for (const Ins& phi : t.ir) {
    if (phi.op != IrOp::PHI || phi.b <= loop_start || moved[phi.b]) continue;
    Loc& la = t.locs[phi.a];
    Loc& lb = t.locs[phi.b];
    if (la.kind != lb.kind || (la.kind != Loc::kGpr && la.kind != Loc::kXmm)) continue;
    if (last[phi.a] >= phi.b) continue;
    lb = la;
    moved[phi.b] = 1;
  }
}

}  // namespace

std::vector<uint32_t> compute_last_uses(const Trace& t) {
  std::vector<uint32_t> last(t.ir.size());
  for (IrRef ref = 0; ref < t.ir.size(); ref++) last[ref] = ref;
  for (IrRef pos = 0; pos < t.ir.size(); pos++)
    for_each_use(t, t.ir[pos], [&](IrRef r) {
      if (r < pos) last[r] = std::max(last[r], pos);
    });
  // The loop body runs again after LOOP: what it reads from before LOOPSTART
  // must survive to the back edge.
  const IrRef loop_start = find_loop_start(t);
  if (loop_start != kNoRef) {
    const uint32_t end = static_cast<uint32_t>(t.ir.size() - 1);
    for (IrRef ref = 0; ref < loop_start; ref++)
      if (last[ref] >= loop_start) last[ref] = end;
  }
  return last;
}

bool check_loop_shape(const Trace& t, std::string* why) {
  const IrRef loop_start = find_loop_start(t);
  std::vector<IrRef> targets;
  for (IrRef ref = 0; ref < t.ir.size(); ref++) {
    const IrOp op = t.ir[ref].op;
    const char* bad = nullptr;
    if (op == IrOp::LOOPSTART && ref != loop_start) bad = "more than one LOOPSTART";
    if (op == IrOp::PHI) bad = bad_phi(t, loop_start, ref, targets);
    if (bad) {
      *why = bad;
      return false;
    }
  }
  return true;
}

// Emits every move whose destination no pending move still reads; when only
// cycles remain, parks one destination in the scratch register and lets its
// readers read the scratch instead, which opens the cycle into a chain. A
// chain always drains before the next cycle is opened, so one scratch per
// register class suffices (a cycle moves values of a single type).
std::vector<LoopMove> sequence_parallel_moves(std::vector<LoopMove> moves) {
  std::erase_if(moves, [](const LoopMove& m) { return same_place(m.dst, m.src); });
  std::vector<LoopMove> out;
  while (!moves.empty()) {
    bool progress = false;
    for (size_t i = 0; i < moves.size();) {
      if (is_read(moves, moves[i].dst, i)) {
        i++;
        continue;
      }
      out.push_back(moves[i]);
      moves.erase(moves.begin() + static_cast<std::ptrdiff_t>(i));
      progress = true;
    }
    if (progress) continue;
    const LoopMove& m = moves[0];
    const Loc scratch = is_xmm_type(m.type) ? Loc{Loc::kXmm, kMoveScratchXmm, -1}
                                            : Loc{Loc::kGpr, kMoveScratchGpr, -1};
    const Loc parked = m.dst;
    out.push_back({scratch, parked, 0, m.type});
    for (LoopMove& r : moves)
      if (same_place(r.src, parked)) r.src = scratch;
  }
  return out;
}

bool allocate_registers(Trace& t, RegAllocInfo* info, std::string* why) {
  if (!check_loop_shape(t, why)) return false;
  info->loop_start = find_loop_start(t);
  info->last_use = compute_last_uses(t);
  info->callsite.assign(t.ir.size(), -1);
  CallSites calls;
  for (IrRef ref = 0; ref < t.ir.size(); ref++) {
    const Ins& ins = t.ir[ref];
    if (ins.op != IrOp::CALL) continue;
    calls.all.push_back(ref);
    if (static_cast<size_t>(ins.imm) < t.calls.size() && t.calls[ins.imm].can_gc)
      calls.gc.push_back(ref);
  }
  info->has_calls = !calls.all.empty();
  LinearScan scan(t, info->last_use, calls, info->has_calls);
  if (!scan.run(why)) return false;
  coalesce_phis(t, info->loop_start);
  build_stackmaps(t, info->last_use, calls, info);
  info->loop_moves = sequence_parallel_moves(phi_moves(t));
  return true;
}

}  // namespace contrail::jit
