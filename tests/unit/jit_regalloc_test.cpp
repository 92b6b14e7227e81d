// tests/unit/jit_regalloc_test.cpp -- Tests jit/regalloc.cpp on hand-built IR:
// live ranges (snapshot uses included), the CALL clobber and GC rules, stack
// maps, spilling under pressure, and the no-overlap invariant on random traces.
#include <gtest/gtest.h>

#include <algorithm>
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

bool same_place(const Loc& x, const Loc& y) {
  if (x.kind != y.kind) return false;
  if (x.kind == Loc::kSpill) return x.spill == y.spill;
  if (x.kind == Loc::kGpr || x.kind == Loc::kXmm) return x.reg == y.reg;
  return false;
}

// Checks every allocation invariant of jit/regalloc.h on [t].
void check_invariants(const Trace& t, const RegAllocInfo& info) {
  const auto& last = info.last_use;
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
    // No value defined while [i] is live shares its place.
    for (IrRef j = i + 1; j <= last[i] && j < t.ir.size(); j++)
      EXPECT_FALSE(same_place(li, t.locs[j])) << i << " and " << j;
  }
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

}  // namespace
}  // namespace contrail::jit
