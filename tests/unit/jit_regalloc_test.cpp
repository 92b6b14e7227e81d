// tests/unit/jit_regalloc_test.cpp -- Tests jit/regalloc.cpp on hand-built IR:
// live ranges (snapshot uses included), the CALL clobber and GC rules, stack
// maps, spilling under pressure, the no-overlap invariant on random traces,
// peeled loops (values read by the loop body and PHI targets live to the end,
// loop-carried values across calls, malformed loops rejected) and the
// schedule of parallel PHI moves (cycles, fan-out, constants, checked by
// running the schedule on a model machine).
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <functional>
#include <map>
#include <random>

#include "jit/regalloc.h"

namespace contrail::jit {
namespace {

// -- IR building helpers -------------------------------------------------------------

IrRef emit(Trace& t, IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef,
           int64_t imm = 0, uint32_t snap = kNoSnap) {
  Ins ins{};
  ins.op = op;
  ins.type = type;
  ins.a = a;
  ins.b = b;
  ins.imm = imm;
  ins.snap = snap;
  return t.emit(ins);
}

IrRef kint(Trace& t, int64_t v) { return emit(t, IrOp::KINT, IrType::Int, kNoRef, kNoRef, v); }

uint32_t snap(Trace& t, std::initializer_list<SnapEntry> entries) {
  Snapshot s;
  s.first = static_cast<uint32_t>(t.snap_entries.size());
  s.count = static_cast<uint32_t>(entries.size());
  for (const SnapEntry& e : entries) t.snap_entries.push_back(e);
  t.snaps.push_back(s);
  return static_cast<uint32_t>(t.snaps.size() - 1);
}

IrRef call(Trace& t, IrType ret, std::initializer_list<IrRef> args, bool can_gc) {
  CallDesc d;
  d.fn = nullptr;
  d.can_gc = can_gc;
  for (IrRef r : args) d.args[d.nargs++] = r;
  t.calls.push_back(d);
  return emit(t, IrOp::CALL, ret, kNoRef, kNoRef, static_cast<int64_t>(t.calls.size() - 1));
}

bool is_callee_saved(uint8_t reg) {
  return std::find(std::begin(kCalleeSavedGprs), std::end(kCalleeSavedGprs), reg) !=
         std::end(kCalleeSavedGprs);
}

// -- A model machine for move schedules ------------------------------------------------

// A place as a number: GPRs 0..15, XMMs 100..115, spill slots 1000...
int place_key(const Loc& l) {
  if (l.kind == Loc::kGpr) return l.reg;
  if (l.kind == Loc::kXmm) return 100 + l.reg;
  return 1000 + l.spill;
}
// What every place holds before the moves (no constant in the tests looks like it).
int64_t token(int key) { return (int64_t{1} << 50) + key; }

// Runs [seq] one move after the other and checks it has the effect of the
// parallel moves [par]: every destination receives its source's old value,
// and only destinations and the scratch registers change.
void check_schedule(const std::vector<LoopMove>& par, const std::vector<LoopMove>& seq) {
  std::map<int, int64_t> state;
  auto read = [&](const LoopMove& m) {
    if (m.src.kind == Loc::kConst) return m.imm;
    auto it = state.find(place_key(m.src));
    return it == state.end() ? token(place_key(m.src)) : it->second;
  };
  const int gpr_scratch = place_key(Loc{Loc::kGpr, kMoveScratchGpr, -1});
  const int xmm_scratch = place_key(Loc{Loc::kXmm, kMoveScratchXmm, -1});
  for (const LoopMove& m : seq) {
    ASSERT_NE(m.dst.kind, Loc::kConst);
    const int d = place_key(m.dst);
    if (d == gpr_scratch) {
      EXPECT_FALSE(is_xmm_type(m.type));
    }
    if (d == xmm_scratch) {
      EXPECT_TRUE(is_xmm_type(m.type));
    }
    state[d] = read(m);
  }
  std::map<int, bool> is_dst;
  for (const LoopMove& m : par) {
    const int d = place_key(m.dst);
    is_dst[d] = true;
    const int64_t want = m.src.kind == Loc::kConst ? m.imm : token(place_key(m.src));
    EXPECT_EQ(state.count(d) ? state[d] : token(d), want) << "destination " << d;
  }
  for (const auto& [key, value] : state) {
    if (is_dst.count(key) || key == gpr_scratch || key == xmm_scratch) continue;
    EXPECT_EQ(value, token(key)) << "clobbered " << key;
  }
}

// The PHIs of [t] as parallel moves between their allocated places.
std::vector<LoopMove> phi_moves(const Trace& t) {
  std::vector<LoopMove> par;
  for (const Ins& ins : t.ir) {
    if (ins.op != IrOp::PHI) continue;
    const Loc& src = t.locs[ins.b];
    par.push_back({t.locs[ins.a], src, src.kind == Loc::kConst ? t.ir[ins.b].imm : 0,
                   t.ir[ins.a].type});
  }
  return par;
}

// info.loop_moves does what the PHIs of [t] say.
void check_loop_moves(const Trace& t, const RegAllocInfo& info) {
  check_schedule(phi_moves(t), info.loop_moves);
}

// Checks every allocation invariant of jit/regalloc.h on [t].
// Last uses of every ref, not counting a PHI's use of its target: within an
// iteration, a PHI target is dead after its last such use.
std::vector<uint32_t> uses_besides_phi_targets(const Trace& t) {
  std::vector<uint32_t> last(t.ir.size());
  for (IrRef r = 0; r < t.ir.size(); r++) last[r] = r;
  for (IrRef pos = 0; pos < t.ir.size(); pos++) {
    const Ins& ins = t.ir[pos];
    auto use = [&](IrRef r) { if (r != kNoRef && r < pos) last[r] = std::max(last[r], pos); };
    if (ins.op != IrOp::PHI) use(ins.a);
    use(ins.b);
    use(ins.c);
    if (ins.op == IrOp::CALL)
      for (int k = 0; k < t.calls[ins.imm].nargs; k++) use(t.calls[ins.imm].args[k]);
    if (ins.snap != kNoSnap)
      for (uint32_t e = 0; e < t.snaps[ins.snap].count; e++) use(t.snap_entries[t.snaps[ins.snap].first + e].ref);
  }
  return last;
}

void check_invariants(const Trace& t, const RegAllocInfo& info) {
  const auto& last = info.last_use;
  const std::vector<uint32_t> used = uses_besides_phi_targets(t);
  std::map<IrRef, IrRef> phi_of;  // PHI target -> its next value
  for (const Ins& ins : t.ir)
    if (ins.op == IrOp::PHI) phi_of[ins.a] = ins.b;
  std::vector<uint32_t> calls, gc_calls;
  for (IrRef r = 0; r < t.ir.size(); r++) {
    if (t.ir[r].op != IrOp::CALL) continue;
    calls.push_back(r);
    if (t.calls[t.ir[r].imm].can_gc) gc_calls.push_back(r);
  }
  ASSERT_EQ(t.locs.size(), t.ir.size());
  for (IrRef i = 0; i < t.ir.size(); i++) {
    const Loc& li = t.locs[i];
    const Ins& ins = t.ir[i];
    if (ins.type == IrType::Void || ins.op == IrOp::NOP) {
      EXPECT_EQ(li.kind, Loc::kNone) << i;
      continue;
    }
    if (ir_is_const(ins.op)) {
      EXPECT_EQ(li.kind, Loc::kConst) << i;
      continue;
    }
    if (ins.type == IrType::Flt) {
      EXPECT_TRUE(li.kind == Loc::kXmm || li.kind == Loc::kSpill) << i;
    } else {
      EXPECT_TRUE(li.kind == Loc::kGpr || li.kind == Loc::kSpill) << i;
    }
    if (li.kind == Loc::kGpr) {
      EXPECT_TRUE(std::find(std::begin(kAllocGprs), std::end(kAllocGprs), li.reg) !=
                  std::end(kAllocGprs)) << i;
    }
    if (li.kind == Loc::kXmm) {
      EXPECT_TRUE(li.reg >= kFirstAllocXmm && li.reg <= kLastAllocXmm);
    }
    if (li.kind == Loc::kSpill) {
      EXPECT_LT(static_cast<uint32_t>(li.spill), t.spill_slots);
      if (info.has_calls) {
        EXPECT_GE(static_cast<uint32_t>(li.spill), kCallStageSlots) << i;
      }
    }
    for (uint32_t c : calls) {
      if (!(i < c && c < last[i])) continue;
      if (li.kind == Loc::kGpr) {
        EXPECT_TRUE(is_callee_saved(li.reg)) << i << " across " << c;
      }
      if (ins.type == IrType::Flt) {
        EXPECT_EQ(li.kind, Loc::kSpill) << i;
      }
    }
    for (size_t k = 0; k < gc_calls.size(); k++) {
      const uint32_t c = gc_calls[k];
      if (!(ins.type == IrType::Val && i < c && c < last[i])) continue;
      ASSERT_EQ(li.kind, Loc::kSpill) << i;
      const auto& slots = t.stackmaps[k].ref_slots;
      EXPECT_TRUE(std::find(slots.begin(), slots.end(), li.spill) != slots.end()) << i;
    }
    // No value defined while [i] is live shares its place, except a PHI
    // target's next value defined after the target's last use (coalesced).
    for (IrRef j = i + 1; j <= last[i] && j < t.ir.size(); j++) {
      if (!same_place(li, t.locs[j])) continue;
      auto phi = phi_of.find(i);
      const bool coalesced = phi != phi_of.end() && phi->second == j && used[i] < j && li.kind != Loc::kSpill;
      EXPECT_TRUE(coalesced) << i << " and " << j;
    }
  }
  check_loop_moves(t, info);
}

// -- Live ranges ------------------------------------------------------------------------

TEST(JitRegalloc, LastUseCountsOperandsCallArgsAndSnapshots) {
  Trace t;
  IrRef s0 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);  // 0
  IrRef s1 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1);  // 1
  IrRef s2 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 2);  // 2
  uint32_t sn = snap(t, {{1, s1}});
  emit(t, IrOp::GINT, IrType::Void, s0, kNoRef, 0, sn);            // 3: uses s0, s1 via snap
  IrRef c = call(t, IrType::Val, {s2}, false);                      // 4: uses s2
  emit(t, IrOp::SSTORE, IrType::Void, c, kNoRef, 0);                // 5
  emit(t, IrOp::NOP, IrType::Void, s0, s1);                         // 6: NOPs use nothing
  emit(t, IrOp::LOOP, IrType::Void);
  auto last = compute_last_uses(t);
  EXPECT_EQ(last[s0], 3u);
  EXPECT_EQ(last[s1], 3u);
  EXPECT_EQ(last[s2], 4u);
  EXPECT_EQ(last[c], 5u);
}

TEST(JitRegalloc, ConstantsAndVoidsGetNoRegister) {
  Trace t;
  IrRef k = kint(t, 7);
  IrRef s = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  emit(t, IrOp::SSTORE, IrType::Void, s, kNoRef, 1);
  emit(t, IrOp::LOOP, IrType::Void, k);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
  EXPECT_EQ(t.locs[k].kind, Loc::kConst);
  EXPECT_EQ(t.locs[s].kind, Loc::kGpr);
  EXPECT_EQ(t.locs[2].kind, Loc::kNone);
  EXPECT_FALSE(info.has_calls);
  EXPECT_EQ(t.spill_slots, 0u);
  check_invariants(t, info);
}

TEST(JitRegalloc, DestinationNeverAliasesOperands) {
  Trace t;
  IrRef a = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef ia = emit(t, IrOp::UNBOXI, IrType::Int, a);
  IrRef sum = emit(t, IrOp::ADDOV, IrType::Int, ia, kint(t, 1), 0, snap(t, {}));
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why));
  EXPECT_FALSE(same_place(t.locs[ia], t.locs[a]));
  EXPECT_FALSE(same_place(t.locs[sum], t.locs[ia]));
  check_invariants(t, info);
}

// -- Calls -----------------------------------------------------------------------------------

TEST(JitRegalloc, ValuesAcrossCallsUseCalleeSavedOrSpill) {
  Trace t;
  IrRef v = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef i = emit(t, IrOp::UNBOXI, IrType::Int, v);
  IrRef f = emit(t, IrOp::UNBOXF, IrType::Flt, v);
  IrRef r = call(t, IrType::Int, {i}, false);
  IrRef sum = emit(t, IrOp::ADD, IrType::Int, i, r);
  IrRef fs = emit(t, IrOp::FADD, IrType::Flt, f, f);
  emit(t, IrOp::SSTORE, IrType::Void, emit(t, IrOp::BOXI, IrType::Val, sum), kNoRef, 0);
  emit(t, IrOp::SSTORE, IrType::Void, emit(t, IrOp::BOXF, IrType::Val, fs), kNoRef, 1);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why));
  ASSERT_EQ(t.locs[i].kind, Loc::kGpr);
  EXPECT_TRUE(is_callee_saved(t.locs[i].reg));
  EXPECT_EQ(t.locs[f].kind, Loc::kSpill);
  EXPECT_TRUE(info.has_calls);
  EXPECT_GE(t.spill_slots, kCallStageSlots + 1);
  EXPECT_TRUE(t.stackmaps.empty());
  EXPECT_EQ(info.callsite[r], -1);
  check_invariants(t, info);
}

TEST(JitRegalloc, GcCallStackMapListsValSpillSlots) {
  Trace t;
  IrRef v0 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef v1 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1);
  IrRef v2 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 2);
  IrRef n = emit(t, IrOp::UNBOXI, IrType::Int, v2);
  IrRef c0 = call(t, IrType::Val, {v2}, true);  // v2 dies here: not in the map
  IrRef c1 = call(t, IrType::Void, {}, false);
  IrRef c2 = call(t, IrType::Void, {c0}, true);
  uint32_t sn = snap(t, {{1, v1}});              // v1 only used by a snapshot
  emit(t, IrOp::GINT, IrType::Void, v0, kNoRef, 0, sn);
  emit(t, IrOp::SSTORE, IrType::Void, emit(t, IrOp::BOXI, IrType::Val, n), kNoRef, 3);
  emit(t, IrOp::SSTORE, IrType::Void, c0, kNoRef, 4);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why));
  ASSERT_EQ(t.stackmaps.size(), 2u);
  EXPECT_EQ(info.callsite[c0], 0);
  EXPECT_EQ(info.callsite[c1], -1);
  EXPECT_EQ(info.callsite[c2], 1);
  EXPECT_EQ(t.stackmaps[0].callsite, 0u);
  EXPECT_EQ(t.stackmaps[1].callsite, 1u);
  ASSERT_EQ(t.locs[v0].kind, Loc::kSpill);
  ASSERT_EQ(t.locs[v1].kind, Loc::kSpill);
  ASSERT_EQ(t.locs[c0].kind, Loc::kSpill);  // Val result live across the second GC call
  std::vector<int32_t> m0{t.locs[v0].spill, t.locs[v1].spill};
  std::sort(m0.begin(), m0.end());
  EXPECT_EQ(t.stackmaps[0].ref_slots, m0);
  // At c2, v0, v1 and c0 (an argument that is used again later) are live.
  std::vector<int32_t> m1{t.locs[v0].spill, t.locs[v1].spill, t.locs[c0].spill};
  std::sort(m1.begin(), m1.end());
  EXPECT_EQ(t.stackmaps[1].ref_slots, m1);
  ASSERT_EQ(t.locs[n].kind, Loc::kGpr);  // an Int across GC calls may stay in a register
  EXPECT_TRUE(is_callee_saved(t.locs[n].reg));
  check_invariants(t, info);
}

// -- Pressure ---------------------------------------------------------------------------------

TEST(JitRegalloc, PressureSpillsTheLongestInterval) {
  Trace t;
  std::vector<IrRef> vals;
  for (int i = 0; i < 12; i++) vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, i));
  // Use them in reverse order so the first loaded lives longest.
  for (int i = 11; i >= 0; i--) emit(t, IrOp::SSTORE, IrType::Void, vals[i], kNoRef, i + 20);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why));
  int spilled = 0;
  for (IrRef r : vals) spilled += t.locs[r].kind == Loc::kSpill;
  EXPECT_EQ(spilled, 12 - static_cast<int>(std::size(kAllocGprs)));
  for (int i = 0; i < spilled; i++) EXPECT_EQ(t.locs[vals[i]].kind, Loc::kSpill) << i;
  EXPECT_EQ(t.spill_slots, static_cast<uint32_t>(spilled));
  check_invariants(t, info);
}

TEST(JitRegalloc, XmmPressure) {
  Trace t;
  IrRef v = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  std::vector<IrRef> fs;
  for (int i = 0; i < 20; i++) fs.push_back(emit(t, IrOp::UNBOXF, IrType::Flt, v));
  IrRef acc = fs[0];
  for (int i = 1; i < 20; i++) acc = emit(t, IrOp::FADD, IrType::Flt, acc, fs[i]);
  emit(t, IrOp::SSTORE, IrType::Void, emit(t, IrOp::BOXF, IrType::Val, acc), kNoRef, 0);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why));
  EXPECT_GT(t.spill_slots, 0u);
  check_invariants(t, info);
}

TEST(JitRegalloc, TooManySpillSlotsFails) {
  Trace t;
  std::vector<IrRef> vals;
  for (uint32_t i = 0; i < kMaxSpillSlots + 20; i++)
    vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, i));
  for (IrRef r : vals) emit(t, IrOp::SSTORE, IrType::Void, r, kNoRef, 0);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  EXPECT_FALSE(allocate_registers(t, &info, &why));
  EXPECT_EQ(why, "too many spill slots");
}

// -- Peeled loops ------------------------------------------------------------------------

TEST(JitRegalloc, PeeledLoopKeepsBodyInputsLiveToTheEnd) {
  Trace t;
  const uint32_t s0 = snap(t, {});
  IrRef v0 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  emit(t, IrOp::GINT, IrType::Void, v0, kNoRef, 0, s0);
  IrRef i0 = emit(t, IrOp::UNBOXI, IrType::Int, v0);
  IrRef v1 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1);
  IrRef k = emit(t, IrOp::UNBOXI, IrType::Int, v1);
  IrRef z = emit(t, IrOp::ADD, IrType::Int, k, kint(t, 1));
  IrRef g = emit(t, IrOp::GINT, IrType::Void, v1, kNoRef, 0, snap(t, {{3, z}}));  // z: iteration 1 only
  IrRef ls = emit(t, IrOp::LOOPSTART, IrType::Void);
  IrRef i1 = emit(t, IrOp::ADD, IrType::Int, i0, k);
  IrRef c = emit(t, IrOp::LT, IrType::Bool, i1, kint(t, 100));
  IrRef gt = emit(t, IrOp::GTRUE, IrType::Void, c, kNoRef, 0, snap(t, {{0, i1}, {2, v1}}));
  IrRef phi = emit(t, IrOp::PHI, IrType::Void, i0, i1);
  IrRef loop = emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
  EXPECT_EQ(info.loop_start, ls);
  EXPECT_EQ(info.last_use[v0], i0);    // read before LOOPSTART only
  EXPECT_EQ(info.last_use[z], g);
  EXPECT_EQ(info.last_use[i0], loop);  // PHI target, read by the body
  EXPECT_EQ(info.last_use[k], loop);   // loop invariant
  EXPECT_EQ(info.last_use[v1], loop);  // read by a snapshot of the body
  EXPECT_EQ(info.last_use[i1], phi);   // PHI source defined in the body
  EXPECT_EQ(info.last_use[c], gt);
  EXPECT_EQ(compute_last_uses(t), info.last_use);
  ASSERT_EQ(info.loop_moves.size(), 1u);
  EXPECT_TRUE(same_place(info.loop_moves[0].dst, t.locs[i0]));
  EXPECT_TRUE(same_place(info.loop_moves[0].src, t.locs[i1]));
  check_invariants(t, info);
}

TEST(JitRegalloc, PhiTargetReadOnlyByItsPhiLivesToTheEnd) {
  Trace t;
  IrRef a = emit(t, IrOp::UNBOXI, IrType::Int, emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0));
  IrRef f = emit(t, IrOp::UNBOXF, IrType::Flt, emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1));
  emit(t, IrOp::LOOPSTART, IrType::Void);
  IrRef five = kint(t, 5);
  IrRef half = emit(t, IrOp::KFLT, IrType::Flt, kNoRef, kNoRef, std::bit_cast<int64_t>(0.5));
  emit(t, IrOp::PHI, IrType::Void, a, five);
  emit(t, IrOp::PHI, IrType::Void, f, half);
  IrRef loop = emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
  EXPECT_EQ(info.last_use[a], loop);
  EXPECT_EQ(info.last_use[f], loop);
  ASSERT_EQ(info.loop_moves.size(), 2u);
  EXPECT_EQ(info.loop_moves[0].src.kind, Loc::kConst);
  EXPECT_EQ(info.loop_moves[0].imm, 5);
  EXPECT_EQ(info.loop_moves[1].imm, std::bit_cast<int64_t>(0.5));
  check_invariants(t, info);
}

// k is read by the body only before the call, yet the next iteration reads it
// again after the call: it must survive the call like every loop-carried value.
// A PHI's next value defined after the target's last use (snapshots
// included) takes the target's register: no move at LOOP. Not when it reads
// the target, nor when the target is also a PHI source (a swap).
TEST(JitRegalloc, PhiTargetAndNextValueShareARegisterWhenDisjoint) {
  Trace t;
  IrRef v = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef x = emit(t, IrOp::UNBOXF, IrType::Flt, v);   // carried, next value independent of x
  IrRef y = emit(t, IrOp::UNBOXF, IrType::Flt, v);   // carried, next value reads y
  IrRef i = emit(t, IrOp::UNBOXI, IrType::Int, v);   // swapped with j
  IrRef j = emit(t, IrOp::UNBOXI, IrType::Int, v);
  const IrRef ls = emit(t, IrOp::LOOPSTART, IrType::Void);
  emit(t, IrOp::GINT, IrType::Void, v, kNoRef, 0, snap(t, {{1, x}, {2, y}}));  // last use of x
  IrRef v2 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef x2 = emit(t, IrOp::UNBOXF, IrType::Flt, v2);
  IrRef y2 = emit(t, IrOp::FMUL, IrType::Flt, y, x2);
  emit(t, IrOp::PHI, IrType::Void, x, x2);
  emit(t, IrOp::PHI, IrType::Void, y, y2);
  emit(t, IrOp::PHI, IrType::Void, i, j);
  emit(t, IrOp::PHI, IrType::Void, j, i);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
  ASSERT_GT(x2, ls);
  EXPECT_EQ(t.locs[x].kind, Loc::kXmm);
  EXPECT_TRUE(same_place(t.locs[x], t.locs[x2]));
  EXPECT_FALSE(same_place(t.locs[y], t.locs[y2]));
  EXPECT_FALSE(same_place(t.locs[i], t.locs[j]));
  for (const LoopMove& m : info.loop_moves) EXPECT_FALSE(same_place(m.dst, t.locs[x])) << "x moved";
  EXPECT_EQ(info.loop_moves.size(), 1u + 3u);  // y, and the swap through the scratch
  check_invariants(t, info);
}

TEST(JitRegalloc, LoopCarriedValuesCrossEveryCallOfTheBody) {
  Trace t;
  IrRef v = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0);
  IrRef i0 = emit(t, IrOp::UNBOXI, IrType::Int, v);
  IrRef k = emit(t, IrOp::UNBOXI, IrType::Int, emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1));
  IrRef f0 = emit(t, IrOp::UNBOXF, IrType::Flt, v);
  IrRef v0 = emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 2);
  emit(t, IrOp::LOOPSTART, IrType::Void);
  IrRef t1 = emit(t, IrOp::ADD, IrType::Int, i0, k);
  IrRef r = call(t, IrType::Int, {t1}, false);
  IrRef f1 = emit(t, IrOp::FADD, IrType::Flt, f0, f0);
  IrRef v1 = call(t, IrType::Val, {v0}, true);
  IrRef i1 = emit(t, IrOp::ADD, IrType::Int, r, kint(t, 1));
  emit(t, IrOp::PHI, IrType::Void, i0, i1);
  emit(t, IrOp::PHI, IrType::Void, f0, f1);
  emit(t, IrOp::PHI, IrType::Void, v0, v1);
  emit(t, IrOp::LOOP, IrType::Void);
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
  for (IrRef gp : {i0, k}) {
    ASSERT_EQ(t.locs[gp].kind, Loc::kGpr) << gp;
    EXPECT_TRUE(is_callee_saved(t.locs[gp].reg)) << gp;
  }
  EXPECT_EQ(t.locs[f0].kind, Loc::kSpill);
  ASSERT_EQ(t.locs[v0].kind, Loc::kSpill);
  ASSERT_EQ(t.stackmaps.size(), 1u);
  EXPECT_EQ(t.stackmaps[0].ref_slots, std::vector<int32_t>{t.locs[v0].spill});
  check_invariants(t, info);
}

TEST(JitRegalloc, MalformedLoopsAreRejected) {
  struct Case {
    const char* why;
    std::function<void(Trace&, IrRef, IrRef)> body;  // given two Int values defined first
  };
  const Case cases[] = {
      {"PHI outside a peeled loop",
       [](Trace& t, IrRef x, IrRef y) { emit(t, IrOp::PHI, IrType::Void, x, y); }},
      {"more than one LOOPSTART",
       [](Trace& t, IrRef, IrRef) {
         emit(t, IrOp::LOOPSTART, IrType::Void);
         emit(t, IrOp::LOOPSTART, IrType::Void);
       }},
      {"PHI operand out of order",
       [](Trace& t, IrRef x, IrRef) {
         emit(t, IrOp::LOOPSTART, IrType::Void);
         IrRef late = emit(t, IrOp::ADD, IrType::Int, x, x);
         emit(t, IrOp::PHI, IrType::Void, late, x);
       }},
      {"PHI operands differ in type",
       [](Trace& t, IrRef x, IrRef) {
         emit(t, IrOp::LOOPSTART, IrType::Void);
         emit(t, IrOp::PHI, IrType::Void, x, emit(t, IrOp::I2F, IrType::Flt, x));
       }},
      {"PHI target is a constant",
       [](Trace& t, IrRef x, IrRef) {
         IrRef k = kint(t, 1);
         emit(t, IrOp::LOOPSTART, IrType::Void);
         emit(t, IrOp::PHI, IrType::Void, k, x);
       }},
      {"two PHIs with one target",
       [](Trace& t, IrRef x, IrRef y) {
         emit(t, IrOp::LOOPSTART, IrType::Void);
         emit(t, IrOp::PHI, IrType::Void, x, y);
         emit(t, IrOp::PHI, IrType::Void, x, x);
       }},
      {"PHI not right before LOOP",
       [](Trace& t, IrRef x, IrRef y) {
         emit(t, IrOp::LOOPSTART, IrType::Void);
         emit(t, IrOp::PHI, IrType::Void, x, y);
         emit(t, IrOp::SSTORE, IrType::Void, emit(t, IrOp::BOXI, IrType::Val, y), kNoRef, 0);
       }},
  };
  for (const Case& c : cases) {
    Trace t;
    IrRef x = emit(t, IrOp::UNBOXI, IrType::Int, emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0));
    IrRef y = emit(t, IrOp::UNBOXI, IrType::Int, emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 1));
    c.body(t, x, y);
    emit(t, IrOp::LOOP, IrType::Void);
    RegAllocInfo info;
    std::string why;
    EXPECT_FALSE(allocate_registers(t, &info, &why)) << c.why;
    EXPECT_EQ(why, c.why);
  }
}

// -- Parallel moves ---------------------------------------------------------------------

Loc G(uint8_t r) { return Loc{Loc::kGpr, r, -1}; }
Loc X(uint8_t r) { return Loc{Loc::kXmm, r, -1}; }
Loc S(int32_t s) { return Loc{Loc::kSpill, 0, s}; }
LoopMove mv(Loc dst, Loc src, IrType type = IrType::Int) { return {dst, src, 0, type}; }
LoopMove mk(Loc dst, int64_t imm, IrType type = IrType::Int) {
  return {dst, Loc{Loc::kConst, 0, -1}, imm, type};
}

TEST(JitRegalloc, ParallelMovesSwapsAndCycles) {
  const std::vector<std::vector<LoopMove>> cases = {
      {mv(G(RSI), G(RDI)), mv(G(RDI), G(RSI))},                                     // swap
      {mv(X(2), X(3), IrType::Flt), mv(X(3), X(2), IrType::Flt)},                   // xmm swap
      {mv(S(7), S(8), IrType::Flt), mv(S(8), S(7), IrType::Flt)},                   // spill swap
      {mv(G(RBX), S(3)), mv(S(3), G(R14)), mv(G(R14), G(RBX))},                     // 3-cycle
      {mv(G(RSI), G(RDI)), mv(G(R8), G(RDI)), mv(G(RDI), G(RSI))},                  // fan-out
      {mv(G(RSI), G(RSI)), mv(X(4), X(4), IrType::Flt)},                            // no-ops
      {mk(G(RSI), 7), mv(G(RDI), G(RSI)), mv(G(R8), G(RDI))},                       // chain + k
      {mv(G(RSI), G(RDI)), mv(G(RDI), G(RSI)), mv(X(2), X(3), IrType::Flt),
       mv(X(3), X(2), IrType::Flt), mv(S(1), S(2)), mv(S(2), S(1))},                // three cycles
  };
  for (size_t i = 0; i < cases.size(); i++) {
    SCOPED_TRACE(i);
    const std::vector<LoopMove> seq = sequence_parallel_moves(cases[i]);
    check_schedule(cases[i], seq);
  }
  // A swap costs three moves through the scratch register.
  const std::vector<LoopMove> swap = sequence_parallel_moves(cases[0]);
  ASSERT_EQ(swap.size(), 3u);
  EXPECT_TRUE(same_place(swap[0].dst, G(kMoveScratchGpr)));
  EXPECT_TRUE(sequence_parallel_moves(cases[5]).empty());
  EXPECT_EQ(sequence_parallel_moves(cases[6]).size(), 3u);  // no scratch for a chain
}

TEST(JitRegalloc, RandomParallelMovesMatchTheirSchedule) {
  std::mt19937 rng(99);
  for (int round = 0; round < 2000; round++) {
    // Places and their register class; spill slots hold either class.
    std::vector<std::pair<Loc, IrType>> places;
    for (uint8_t r : kAllocGprs) places.push_back({G(r), IrType::Int});
    for (uint8_t r = kFirstAllocXmm; r <= kLastAllocXmm; r++) places.push_back({X(r), IrType::Flt});
    for (int32_t s = 0; s < 8; s++) places.push_back({S(s), rng() % 2 ? IrType::Flt : IrType::Int});
    std::shuffle(places.begin(), places.end(), rng);
    const size_t n = 1 + rng() % 16;
    std::vector<LoopMove> par;
    for (size_t i = 0; i < n && i < places.size(); i++) {
      const auto& [dst, type] = places[i];
      if (rng() % 8 == 0) {
        par.push_back(mk(dst, static_cast<int64_t>(rng() % 1000), type));
        continue;
      }
      std::vector<Loc> srcs;  // same class, favouring other destinations to make cycles
      for (size_t j = 0; j < places.size(); j++)
        if (places[j].second == type && (j < n || rng() % 4 == 0)) srcs.push_back(places[j].first);
      par.push_back(mv(dst, srcs[rng() % srcs.size()], type));
    }
    check_schedule(par, sequence_parallel_moves(par));
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
  }
}

// Random traces: every invariant holds whatever the mix of calls and snapshots.
TEST(JitRegalloc, RandomTracesKeepInvariants) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 200; round++) {
    Trace t;
    std::vector<IrRef> ints, flts, vals;
    vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0));
    ints.push_back(kint(t, 3));
    flts.push_back(emit(t, IrOp::UNBOXF, IrType::Flt, vals[0]));
    auto pick = [&](std::vector<IrRef>& v) { return v[rng() % v.size()]; };
    const int n = 20 + static_cast<int>(rng() % 80);
    for (int k = 0; k < n; k++) {
      switch (rng() % 9) {
        case 0: vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, rng() % 8)); break;
        case 1: ints.push_back(emit(t, IrOp::UNBOXI, IrType::Int, pick(vals))); break;
        case 2: ints.push_back(emit(t, IrOp::ADD, IrType::Int, pick(ints), pick(ints))); break;
        case 3: flts.push_back(emit(t, IrOp::FMUL, IrType::Flt, pick(flts), pick(flts))); break;
        case 4: vals.push_back(emit(t, IrOp::BOXI, IrType::Val, pick(ints))); break;
        case 5: {
          uint32_t sn = snap(t, {{0, pick(vals)}, {1, pick(flts)}, {2, pick(ints)}});
          emit(t, IrOp::GINT, IrType::Void, pick(vals), kNoRef, 0, sn);
          break;
        }
        case 6: ints.push_back(call(t, IrType::Int, {pick(ints), pick(flts), pick(vals)}, rng() % 2)); break;
        case 7: vals.push_back(call(t, IrType::Val, {pick(vals)}, true)); break;
        case 8: flts.push_back(call(t, IrType::Flt, {pick(flts)}, false)); break;
      }
    }
    for (IrRef r : vals) emit(t, IrOp::SSTORE, IrType::Void, r, kNoRef, 0);
    emit(t, IrOp::LOOP, IrType::Void);
    RegAllocInfo info;
    std::string why;
    ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
    check_invariants(t, info);
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
  }
}

// Random peeled loops: the invariants hold, PHI moves do what the PHIs say,
// and everything the body reads from iteration 1 lives to the end.
TEST(JitRegalloc, RandomPeeledLoopsKeepInvariants) {
  std::mt19937 rng(4321);
  for (int round = 0; round < 300; round++) {
    Trace t;
    std::vector<IrRef> ints, flts, vals;
    auto pick = [&](std::vector<IrRef>& v) { return v[rng() % v.size()]; };
    auto grow = [&](int n) {
      for (int k = 0; k < n; k++) {
        switch (rng() % 8) {
          case 0: vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, rng() % 8)); break;
          case 1: ints.push_back(emit(t, IrOp::UNBOXI, IrType::Int, pick(vals))); break;
          case 2: ints.push_back(emit(t, IrOp::ADD, IrType::Int, pick(ints), pick(ints))); break;
          case 3: flts.push_back(emit(t, IrOp::FMUL, IrType::Flt, pick(flts), pick(flts))); break;
          case 4: {
            uint32_t sn = snap(t, {{0, pick(vals)}, {1, pick(flts)}, {2, pick(ints)}});
            emit(t, IrOp::GINT, IrType::Void, pick(vals), kNoRef, 0, sn);
            break;
          }
          case 5: ints.push_back(call(t, IrType::Int, {pick(ints), pick(flts)}, rng() % 2)); break;
          case 6: vals.push_back(call(t, IrType::Val, {pick(vals)}, true)); break;
          case 7: flts.push_back(emit(t, IrOp::UNBOXF, IrType::Flt, pick(vals))); break;
        }
      }
    };
    vals.push_back(emit(t, IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, 0));
    ints.push_back(emit(t, IrOp::UNBOXI, IrType::Int, vals[0]));
    flts.push_back(emit(t, IrOp::UNBOXF, IrType::Flt, vals[0]));
    grow(static_cast<int>(rng() % 30));
    const std::vector<IrRef> pre_ints = ints, pre_flts = flts, pre_vals = vals;
    const IrRef ls = emit(t, IrOp::LOOPSTART, IrType::Void);
    ints.push_back(kint(t, 42));
    grow(static_cast<int>(rng() % 40));
    // PHIs: distinct targets from iteration 1, sources of the same type from anywhere.
    std::vector<std::pair<IrRef, IrRef>> phis;
    for (auto* pre : {&pre_ints, &pre_flts, &pre_vals}) {
      std::vector<IrRef> targets = *pre;
      std::shuffle(targets.begin(), targets.end(), rng);
      std::vector<IrRef>& all = pre == &pre_ints ? ints : pre == &pre_flts ? flts : vals;
      const size_t n = std::min<size_t>(targets.size(), rng() % 6);
      for (size_t k = 0; k < n; k++) phis.push_back({targets[k], pick(all)});
    }
    for (auto [a, b] : phis) emit(t, IrOp::PHI, IrType::Void, a, b);
    const IrRef loop = emit(t, IrOp::LOOP, IrType::Void);
    RegAllocInfo info;
    std::string why;
    ASSERT_TRUE(allocate_registers(t, &info, &why)) << why;
    for (auto [a, b] : phis) {
      EXPECT_EQ(info.last_use[a], loop);
      if (b < ls) {
        EXPECT_EQ(info.last_use[b], loop);
      }
    }
    check_invariants(t, info);
    if (HasFailure()) {
      ADD_FAILURE() << "round " << round;
      return;
    }
  }
}

}  // namespace
}  // namespace contrail::jit
