// tests/unit/jit_backend_test.cpp -- Tests jit/backend_x64.cpp: the assembly
// listing, the exit-stub layout, and end-to-end runs of hand-built traces
// through the real trampolines (int and float loops, every arithmetic and
// comparison op, spills, helper calls with mixed arguments, GC stack maps,
// JTRACE, stub patching, failure without commit), and peeled loops (LOOPSTART
// and PHI: loop-carried values in registers, swap and rotation cycles, values
// carried across helper calls, loop-carried values in spill slots).
// The exit function below plays the deoptimiser: it boxes every snapshot
// entry from its location (act->regs, the spill area, or the IR constant)
// into the frame, then returns null so the trampoline returns. Exit and
// call-site numbers carry the trace id in their high 16 bits (jit/jit_state.h);
// the tests give every trace id 0 unless they say otherwise.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <tuple>
#include <utility>

#include "jit/backend.h"
#include "jit/regalloc.h"
#include "runtime/value.h"

namespace contrail::jit {
namespace {

using runtime::Value;

// -- IR building helpers -----------------------------------------------------------

constexpr uint32_t kIndexMask = 0xFFFF;

struct Builder {
  Trace t;
  Builder() { t.id = 0; }

  IrRef emit(IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef, int64_t imm = 0,
             uint32_t snap = kNoSnap, IrRef c = kNoRef) {
    Ins ins{};
    ins.op = op;
    ins.type = type;
    ins.a = a;
    ins.b = b;
    ins.c = c;
    ins.imm = imm;
    ins.snap = snap;
    return t.emit(ins);
  }
  IrRef kint(int64_t v) { return emit(IrOp::KINT, IrType::Int, kNoRef, kNoRef, v); }
  IrRef kflt(double d) {
    return emit(IrOp::KFLT, IrType::Flt, kNoRef, kNoRef, std::bit_cast<int64_t>(d));
  }
  IrRef kval(Value v) {
    return emit(IrOp::KVAL, IrType::Val, kNoRef, kNoRef, static_cast<int64_t>(v.bits()));
  }
  IrRef sload(uint32_t slot) { return emit(IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, slot); }
  void sstore(uint32_t slot, IrRef v) { emit(IrOp::SSTORE, IrType::Void, v, kNoRef, slot); }
  IrRef op1(IrOp op, IrType type, IrRef a) { return emit(op, type, a); }
  IrRef op2(IrOp op, IrType type, IrRef a, IrRef b) { return emit(op, type, a, b); }
  uint32_t snap(std::initializer_list<SnapEntry> entries, uint32_t pc = 0) {
    Snapshot s;
    s.pc = pc;
    s.first = static_cast<uint32_t>(t.snap_entries.size());
    s.count = static_cast<uint32_t>(entries.size());
    for (const SnapEntry& e : entries) t.snap_entries.push_back(e);
    t.snaps.push_back(s);
    return static_cast<uint32_t>(t.snaps.size() - 1);
  }
  // An exit that is always taken (GEQP 0 == 1 fails), then the required LOOP.
  void exit_always(uint32_t snap) {
    emit(IrOp::GEQP, IrType::Void, kint(0), kNoRef, 1, snap);
    emit(IrOp::LOOP, IrType::Void);
  }
  IrRef call(const void* fn, IrType ret, std::initializer_list<IrRef> args, bool can_gc = false) {
    CallDesc d;
    d.fn = fn;
    d.name = "helper";
    d.can_gc = can_gc;
    for (IrRef r : args) d.args[d.nargs++] = r;
    t.calls.push_back(d);
    return emit(IrOp::CALL, ret, kNoRef, kNoRef, static_cast<int64_t>(t.calls.size() - 1));
  }
  void loopstart() { emit(IrOp::LOOPSTART, IrType::Void); }
  void phi(IrRef a, IrRef b) { emit(IrOp::PHI, IrType::Void, a, b); }
  // slot -> unboxed Int / Flt with its type guard on snapshot [sn].
  IrRef int_slot(uint32_t slot, uint32_t sn) {
    IrRef v = sload(slot);
    emit(IrOp::GINT, IrType::Void, v, kNoRef, 0, sn);
    return op1(IrOp::UNBOXI, IrType::Int, v);
  }
  IrRef flt_slot(uint32_t slot, uint32_t sn) {
    IrRef v = sload(slot);
    emit(IrOp::GFLT, IrType::Void, v, kNoRef, 0, sn);
    return op1(IrOp::UNBOXF, IrType::Flt, v);
  }
};

// -- The test deoptimiser ------------------------------------------------------------

uint64_t read_loc(const Activation* act, IrRef ref) {
  const Trace& t = *act->trace;
  const Loc& loc = t.locs[ref];
  switch (loc.kind) {
    case Loc::kGpr: return act->regs.gpr[loc.reg];
    case Loc::kXmm: return act->regs.xmm[loc.reg];
    case Loc::kSpill: {
      uint64_t v;
      std::memcpy(&v, act->spill_base + 8 * loc.spill, 8);
      return v;
    }
    case Loc::kConst: return static_cast<uint64_t>(t.ir[ref].imm);
    case Loc::kNone: break;
  }
  ADD_FAILURE() << "snapshot ref " << ref << " has no location";
  return 0;
}

Value box(IrType type, uint64_t bits) {
  switch (type) {
    case IrType::Int: return Value::small_int(static_cast<int64_t>(bits));
    case IrType::Flt: return Value::from_double(std::bit_cast<double>(bits));
    case IrType::Bool: return Value::boolean(bits != 0);
    default: return Value::from_bits(bits);
  }
}

const void* test_exit(Activation* act) {
  const Trace& t = *act->trace;
  const Snapshot& snap = t.snaps[act->exit_snap & kIndexMask];
  for (uint32_t i = 0; i < snap.count; i++) {
    const SnapEntry& e = t.snap_entries[snap.first + i];
    act->base[e.slot] = box(t.ir[e.ref].type, read_loc(act, e.ref));
  }
  return nullptr;
}

// -- Fixture ---------------------------------------------------------------------------

class JitBackend : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    mem_ = new CodeMemory(size_t{1} << 20);
    tramp_ = make_trampolines(*mem_);
  }
  static void TearDownTestSuite() {
    delete mem_;
    mem_ = nullptr;
  }

  void compile(Trace& t, bool want_asm = false) {
    std::string why;
    ASSERT_TRUE(compile_trace(t, *mem_, tramp_, entries_.data(), entries_.size(), want_asm, &why))
        << why;
  }
  // Runs [t] on [frame]; returns the exit taken.
  uint32_t run(Trace& t, Value* frame) {
    Activation act{};
    act.exit_fn = test_exit;
    act.trace = &t;
    act.base = frame;
    current_ = &act;
    uint32_t exit = tramp_.enter(&act, frame, t.mcode);
    current_ = nullptr;
    return exit;
  }

  static CodeMemory* mem_;
  static Trampolines tramp_;
  std::vector<const uint8_t*> entries_;

 public:
  static Activation* current_;  // the running activation (for helpers)
};

CodeMemory* JitBackend::mem_ = nullptr;
Trampolines JitBackend::tramp_;
Activation* JitBackend::current_ = nullptr;

// -- Listing and layout ---------------------------------------------------------------

TEST_F(JitBackend, AddOvListingHasJoAndExitStub) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i = b.int_slot(0, s0);
  IrRef wide = b.op2(IrOp::ADD, IrType::Int, i, b.kint(1));  // unchecked: may exceed 48 bits
  IrRef sum = b.emit(IrOp::ADDOV, IrType::Int, wide, b.kint(1), 0, s0);
  b.sstore(0, b.op1(IrOp::BOXI, IrType::Val, sum));
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t, true);
  const std::string& text = b.t.asm_text;
  EXPECT_NE(text.find("jo "), std::string::npos) << text;
  EXPECT_NE(text.find("exit_handler"), std::string::npos) << text;
  EXPECT_NE(text.find("ADDOV"), std::string::npos) << text;  // per-instruction comments
  EXPECT_NE(text.find("[r12]"), std::string::npos) << text;  // SLOAD 0
}

// Small ints are 48 bits: their sum or difference cannot overflow 64 bits, so
// only the 48-bit check remains. A PHI target is small while its PHI's b is.
TEST_F(JitBackend, AddOvOfSmallIntsHasNoJo) {
  for (IrOp op : {IrOp::ADDOV, IrOp::SUBOV}) {
    Builder b;
    uint32_t s0 = b.snap({});
    IrRef i = b.int_slot(0, s0);
    IrRef sum = b.emit(op, IrType::Int, i, b.kint(1), 0, s0);
    b.emit(IrOp::LOOPSTART, IrType::Void);
    IrRef next = b.emit(op, IrType::Int, sum, b.int_slot(1, s0), 0, s0);
    b.emit(IrOp::PHI, IrType::Void, sum, next);
    b.emit(IrOp::LOOP, IrType::Void);
    compile(b.t, true);
    EXPECT_EQ(b.t.asm_text.find("jo "), std::string::npos) << b.t.asm_text;
  }
  // A PHI target whose next value is an unchecked ADD keeps its jo.
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i = b.int_slot(0, s0);
  IrRef sum = b.emit(IrOp::ADDOV, IrType::Int, i, b.kint(1), 0, s0);
  b.emit(IrOp::LOOPSTART, IrType::Void);
  IrRef next = b.emit(IrOp::ADDOV, IrType::Int, sum, b.kint(1), 0, s0);
  b.emit(IrOp::PHI, IrType::Void, sum, b.op2(IrOp::ADD, IrType::Int, next, b.kint(1)));
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t, true);
  EXPECT_NE(b.t.asm_text.find("jo "), std::string::npos) << b.t.asm_text;
}

// A 64-bit wrap-around that lands back in the 48-bit range still exits (jo).
TEST_F(JitBackend, AddOvOfWideValuesCatches64BitOverflow) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef x = b.op2(IrOp::ADD, IrType::Int, b.int_slot(0, s0), b.kint(std::numeric_limits<int64_t>::max()));
  IrRef sum = b.emit(IrOp::ADDOV, IrType::Int, x, x, 0, s0);  // 2 * INT64_MAX wraps to -2
  uint32_t s1 = b.snap({{1, sum}});
  b.exit_always(s1);
  compile(b.t);
  Value frame[2] = {Value::small_int(0), Value::none()};
  EXPECT_EQ(run(b.t, frame), 0u);
  EXPECT_EQ(frame[1], Value::none());
}

TEST_F(JitBackend, ExitStubLayout) {
  Builder b;
  uint32_t s0 = b.snap({});
  uint32_t s1 = b.snap({});
  b.t.id = 5;
  IrRef i = b.int_slot(0, s0);
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::LT, IrType::Bool, i, b.kint(5)), kNoRef, 0, s1);
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t);
  ASSERT_EQ(b.t.exit_stubs.size(), 2u);
  for (uint32_t s = 0; s < 2; s++) {
    const uint8_t* stub = b.t.exit_stubs[s];
    EXPECT_EQ(stub, b.t.mcode + b.t.mcode_size - kExitStubSize * (2 - s));
    // mov dword [r13 + disp32], imm32
    EXPECT_EQ(stub[0], 0x41);
    EXPECT_EQ(stub[1], 0xC7);
    EXPECT_EQ(stub[2], 0x85);
    uint32_t disp, imm;
    std::memcpy(&disp, stub + 3, 4);
    std::memcpy(&imm, stub + 7, 4);
    EXPECT_EQ(disp, kActExitSnapOffset);
    EXPECT_EQ(imm, (5u << 16) | s);  // exit_number(id 5, s)
    // jmp rel32 exit_handler
    ASSERT_EQ(stub[kExitStubJmpOffset], 0xE9);
    int32_t rel;
    std::memcpy(&rel, stub + kExitStubJmpOffset + 1, 4);
    EXPECT_EQ(stub + kExitStubSize + rel, tramp_.exit_handler);
  }
}

Value I(int64_t i) { return Value::small_int(i); }
Value F(double d) { return Value::from_double(d); }
Value B(bool b) { return Value::boolean(b); }

// -- End to end: loops -----------------------------------------------------------------

// SLOAD 0; GINT; UNBOXI; ADDOV +1; LT 1000; GTRUE (slot0 = the ADDOV result);
// BOXI; SSTORE 0; LOOP.
Trace counting_loop(int64_t limit) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i = b.int_slot(0, s0);
  IrRef i2 = b.emit(IrOp::ADDOV, IrType::Int, i, b.kint(1), 0, s0);
  IrRef lt = b.op2(IrOp::LT, IrType::Bool, i2, b.kint(limit));
  uint32_t s1 = b.snap({{0, i2}});
  b.emit(IrOp::GTRUE, IrType::Void, lt, kNoRef, 0, s1);
  b.sstore(0, b.op1(IrOp::BOXI, IrType::Val, i2));
  b.emit(IrOp::LOOP, IrType::Void);
  return b.t;
}

TEST_F(JitBackend, IntLoopRunsToItsExit) {
  Trace t = counting_loop(1000);
  compile(t);
  Value frame[4] = {Value::small_int(0)};
  EXPECT_EQ(run(t, frame), 1u);
  EXPECT_EQ(frame[0], Value::small_int(1000));
  frame[0] = Value::small_int(-5000);
  EXPECT_EQ(run(t, frame), 1u);
  EXPECT_EQ(frame[0], Value::small_int(1000));
}

TEST_F(JitBackend, TypeGuardExitsBeforeAnything) {
  Trace t = counting_loop(1000);
  compile(t);
  Value frame[1] = {Value::from_double(2.5)};
  EXPECT_EQ(run(t, frame), 0u);
  EXPECT_EQ(frame[0], Value::from_double(2.5));
}

// GFLT passes every double (the largest bit patterns are negative NaNs and
// -inf) and nothing tagged.
TEST_F(JitBackend, FloatGuardSplitsDoublesFromTaggedValues) {
  const double inf = std::numeric_limits<double>::infinity();
  const Value pass[] = {F(1.5), F(-0.0), F(-inf), F(std::nan("")), Value::from_bits(0xFFF8FFFFFFFFFFFFull)};
  const Value fail[] = {Value::small_int(1), Value::small_int(-1), Value::boolean(true), Value::none(),
                        Value::from_bits(0xFFF9000000000000ull)};
  Builder b;
  uint32_t s0 = b.snap({});
  b.emit(IrOp::GFLT, IrType::Void, b.sload(0), kNoRef, 0, s0);
  b.exit_always(b.snap({}));
  compile(b.t);
  for (Value x : pass) {
    Value frame[1] = {x};
    EXPECT_EQ(run(b.t, frame), 1u) << std::hex << x.bits();
  }
  for (Value x : fail) {
    Value frame[1] = {x};
    EXPECT_EQ(run(b.t, frame), 0u) << std::hex << x.bits();
  }
}

TEST_F(JitBackend, AddOvExitsAtSmallIntLimit) {
  Trace t = counting_loop(Value::kSmallIntMax + 100);  // the bound needs a 64-bit immediate
  compile(t);
  Value frame[1] = {Value::small_int(Value::kSmallIntMax - 10)};
  EXPECT_EQ(run(t, frame), 0u);
  EXPECT_EQ(frame[0], Value::small_int(Value::kSmallIntMax));
}

TEST_F(JitBackend, FloatLoop) {
  // x = x * 1.5 + 1.0 while x < 1e6.
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef x = b.flt_slot(0, s0);
  IrRef y = b.op2(IrOp::FADD, IrType::Flt, b.op2(IrOp::FMUL, IrType::Flt, x, b.kflt(1.5)),
                  b.kflt(1.0));
  uint32_t s1 = b.snap({{0, y}});
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::FLT, IrType::Bool, y, b.kflt(1e6)), kNoRef, 0, s1);
  b.sstore(0, b.op1(IrOp::BOXF, IrType::Val, y));
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t);
  double want = 0.25;
  do want = want * 1.5 + 1.0; while (want < 1e6);
  Value frame[1] = {Value::from_double(0.25)};
  EXPECT_EQ(run(b.t, frame), 1u);
  EXPECT_EQ(frame[0], Value::from_double(want));
  frame[0] = Value::small_int(3);
  EXPECT_EQ(run(b.t, frame), 0u);  // GFLT rejects ints
}

// -- End to end: peeled loops ---------------------------------------------------------------

// i0 = slot 0; LOOPSTART; i1 = i0 + 1; GTRUE i1 < limit (slot0 = i1); PHI i0 i1;
// LOOP. Slot 0 is never written inside the loop: only the PHI move carries i.
Trace peeled_counting_loop(int64_t limit) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i0 = b.int_slot(0, s0);
  b.loopstart();
  uint32_t s1 = b.snap({{0, i0}});
  IrRef i1 = b.emit(IrOp::ADDOV, IrType::Int, i0, b.kint(1), 0, s1);
  IrRef lt = b.op2(IrOp::LT, IrType::Bool, i1, b.kint(limit));
  uint32_t s2 = b.snap({{0, i1}});
  b.emit(IrOp::GTRUE, IrType::Void, lt, kNoRef, 0, s2);
  b.phi(i0, i1);
  b.emit(IrOp::LOOP, IrType::Void);
  return b.t;
}

TEST_F(JitBackend, PeeledCountingLoop) {
  Trace t = peeled_counting_loop(1000);
  compile(t, true);
  EXPECT_NE(t.asm_text.find("LOOPSTART"), std::string::npos) << t.asm_text;
  for (int64_t start : {0, -5000, 998}) {
    Value frame[1] = {I(start)};
    EXPECT_EQ(run(t, frame), 2u) << start;
    EXPECT_EQ(frame[0], I(1000)) << start;
  }
  Value frame[1] = {F(1.0)};
  EXPECT_EQ(run(t, frame), 0u);
}

// The overflow exit of a later iteration reads the PHI target, which holds
// the current iteration's value.
TEST_F(JitBackend, PeeledLoopExitReadsThePhiTarget) {
  Trace t = peeled_counting_loop(Value::kSmallIntMax + 100);
  compile(t);
  Value frame[1] = {I(Value::kSmallIntMax - 10)};
  EXPECT_EQ(run(t, frame), 1u);
  EXPECT_EQ(frame[0], I(Value::kSmallIntMax));
}

// while n > 0: p = 3 * n; n -= 1. p's next value does not read p, so it takes
// p's register (regalloc's PHI coalescing); the exit at the loop test still
// finds the previous iteration's p there.
TEST_F(JitBackend, PeeledLoopCoalescedPhiKeepsTheOldValueUntilRedefined) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef n0 = b.int_slot(0, s0);
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::GT, IrType::Bool, n0, b.kint(0)), kNoRef, 0, s0);
  IrRef p0 = b.op2(IrOp::MUL, IrType::Int, n0, b.kint(3));
  IrRef n1 = b.emit(IrOp::SUBOV, IrType::Int, n0, b.kint(1), 0, b.snap({{0, n0}}));
  b.loopstart();
  uint32_t s2 = b.snap({{0, n1}, {1, p0}});
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::GT, IrType::Bool, n1, b.kint(0)), kNoRef, 0, s2);
  IrRef p1 = b.op2(IrOp::MUL, IrType::Int, n1, b.kint(3));
  IrRef n2 = b.emit(IrOp::SUBOV, IrType::Int, n1, b.kint(1), 0, b.snap({{0, n1}, {1, p1}}));
  b.phi(n1, n2);
  b.phi(p0, p1);
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t, true);
  EXPECT_TRUE(same_place(b.t.locs[p0], b.t.locs[p1])) << b.t.asm_text;
  for (int64_t start : {1, 2, 7}) {
    Value frame[2] = {I(start), Value::none()};
    EXPECT_EQ(run(b.t, frame), s2) << start;
    EXPECT_EQ(frame[0], I(0)) << start;
    EXPECT_EQ(frame[1], I(3)) << start;
  }
}

// while n > 0: n -= 1; s += x; u = 10*u + p; x, y = y, x; p, q, r = q, r, p
TEST_F(JitBackend, PeeledLoopSwapsAndRotates) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef n0 = b.int_slot(0, s0);
  IrRef sum0 = b.flt_slot(1, s0);
  IrRef x0 = b.flt_slot(2, s0);
  IrRef y0 = b.flt_slot(3, s0);
  IrRef p0 = b.int_slot(4, s0);
  IrRef q0 = b.int_slot(5, s0);
  IrRef r0 = b.int_slot(6, s0);
  IrRef u0 = b.int_slot(7, s0);
  b.loopstart();
  IrRef n1 = b.emit(IrOp::SUBOV, IrType::Int, n0, b.kint(1), 0, s0);
  IrRef sum1 = b.op2(IrOp::FADD, IrType::Flt, sum0, x0);
  IrRef u1 = b.op2(IrOp::ADD, IrType::Int, b.op2(IrOp::MUL, IrType::Int, u0, b.kint(10)), p0);
  uint32_t s1 = b.snap({{0, n1}, {1, sum1}, {2, x0}, {3, y0}, {4, p0}, {5, q0}, {6, r0}, {7, u1}});
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::GT, IrType::Bool, n1, b.kint(0)), kNoRef, 0, s1);
  b.phi(n0, n1);
  b.phi(sum0, sum1);
  b.phi(x0, y0);
  b.phi(y0, x0);
  b.phi(p0, q0);
  b.phi(q0, r0);
  b.phi(r0, p0);
  b.phi(u0, u1);
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t);
  for (IrRef r : {x0, y0}) EXPECT_EQ(b.t.locs[r].kind, Loc::kXmm) << r;
  for (IrRef r : {p0, q0, r0}) EXPECT_EQ(b.t.locs[r].kind, Loc::kGpr) << r;

  int64_t n = 7, p = 1, q = 2, r = 3, u = 0;
  double sum = 0, x = 1.0, y = 100.0;
  Value frame[8] = {I(n), F(sum), F(x), F(y), I(p), I(q), I(r), I(u)};
  for (;;) {
    n -= 1;
    sum += x;
    u = 10 * u + p;
    if (!(n > 0)) break;
    std::swap(x, y);
    std::tie(p, q, r) = std::make_tuple(q, r, p);
  }
  EXPECT_EQ(run(b.t, frame), 1u);
  const Value want[8] = {I(n), F(sum), F(x), F(y), I(p), I(q), I(r), I(u)};
  for (int i = 0; i < 8; i++) EXPECT_EQ(frame[i], want[i]) << i;
  EXPECT_EQ(frame[7], I(1231231));
}

// Trashes every caller-saved register a trace may allocate, as a real helper may.
int64_t clobber_twice(int64_t x) {
  asm volatile(
      "mov $0x5a5a, %%rsi\n\tmov $0x5a5a, %%rdi\n\tmov $0x5a5a, %%r8\n\t"
      "mov $0x5a5a, %%r9\n\tmov $0x5a5a, %%r10\n\tmov $0x5a5a, %%r11\n\t"
      "pcmpeqd %%xmm2, %%xmm2\n\tpcmpeqd %%xmm3, %%xmm3\n\tpcmpeqd %%xmm4, %%xmm4\n\t"
      "pcmpeqd %%xmm5, %%xmm5\n\tpcmpeqd %%xmm6, %%xmm6\n\tpcmpeqd %%xmm7, %%xmm7\n\t"
      "pcmpeqd %%xmm8, %%xmm8\n\tpcmpeqd %%xmm9, %%xmm9\n\tpcmpeqd %%xmm10, %%xmm10\n\t"
      "pcmpeqd %%xmm11, %%xmm11\n\tpcmpeqd %%xmm12, %%xmm12\n\tpcmpeqd %%xmm13, %%xmm13\n\t"
      "pcmpeqd %%xmm14, %%xmm14\n\tpcmpeqd %%xmm15, %%xmm15"
      :
      :
      : "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
        "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
  return 2 * x;
}

// A GC-capable helper: the Val argument, live across the call as a
// loop-carried value, must sit in a stack-mapped spill slot. Returns it + 1.
uint64_t gc_bump_calls = 0;
uint64_t gc_bump(uint64_t v) {
  const Activation* act = JitBackend::current_;
  const Trace& t = *act->trace;
  const uint32_t callsite = act->callsite & kIndexMask;
  EXPECT_LT(callsite, t.stackmaps.size());
  bool mapped = false;
  for (int32_t slot : t.stackmaps[callsite].ref_slots) {
    uint64_t bits;
    std::memcpy(&bits, act->spill_base + 8 * slot, 8);
    mapped |= bits == v;
  }
  EXPECT_TRUE(mapped);
  gc_bump_calls++;
  return I(Value::from_bits(v).as_small_int() + 1).bits();
}

// for i in range(i, 50): acc += clobber_twice(i + k); fx += 0.5; v = gc_bump(v)
TEST_F(JitBackend, PeeledLoopCarriesValuesAcrossCalls) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i0 = b.int_slot(0, s0);
  IrRef acc0 = b.int_slot(1, s0);
  IrRef fx0 = b.flt_slot(2, s0);
  IrRef v0 = b.sload(3);
  IrRef k = b.int_slot(4, s0);  // invariant, read by the body only before the calls
  b.loopstart();
  IrRef r = b.call(reinterpret_cast<const void*>(&clobber_twice), IrType::Int,
                   {b.op2(IrOp::ADD, IrType::Int, i0, k)});
  IrRef i1 = b.emit(IrOp::ADDOV, IrType::Int, i0, b.kint(1), 0, s0);
  IrRef acc1 = b.op2(IrOp::ADD, IrType::Int, acc0, r);
  IrRef fx1 = b.op2(IrOp::FADD, IrType::Flt, fx0, b.kflt(0.5));
  IrRef v1 = b.call(reinterpret_cast<const void*>(&gc_bump), IrType::Val, {v0}, true);
  uint32_t s1 = b.snap({{0, i1}, {1, acc1}, {2, fx1}, {3, v1}});
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::LT, IrType::Bool, i1, b.kint(50)), kNoRef, 0, s1);
  b.phi(i0, i1);
  b.phi(acc0, acc1);
  b.phi(fx0, fx1);
  b.phi(v0, v1);
  b.emit(IrOp::LOOP, IrType::Void);
  compile(b.t);
  EXPECT_EQ(b.t.locs[v0].kind, Loc::kSpill);
  EXPECT_EQ(b.t.locs[fx0].kind, Loc::kSpill);

  Value frame[5] = {I(0), I(0), F(0.25), I(1000), I(3)};
  gc_bump_calls = 0;
  EXPECT_EQ(run(b.t, frame), 1u);
  int64_t acc = 0;
  for (int64_t i = 0; i < 50; i++) acc += 2 * (i + 3);
  EXPECT_EQ(frame[0], I(50));
  EXPECT_EQ(frame[1], I(acc));
  EXPECT_EQ(frame[2], F(0.25 + 50 * 0.5));
  EXPECT_EQ(frame[3], I(1050));
  EXPECT_EQ(gc_bump_calls, 50u);
}

// More loop-carried values than registers: 24 ints rotate (one cycle through
// registers and spill slots), 20 floats take new values computed by the body.
TEST_F(JitBackend, PeeledLoopWithSpilledLoopCarriedValues) {
  constexpr int kN = 24, kM = 20, kCounter = kN + kM;
  constexpr int64_t kLimit = 10;
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef n0 = b.int_slot(kCounter, s0);
  std::vector<IrRef> a, f, g;
  for (int k = 0; k < kN; k++) a.push_back(b.int_slot(k, s0));
  for (int k = 0; k < kM; k++) f.push_back(b.flt_slot(kN + k, s0));
  b.loopstart();
  IrRef n1 = b.emit(IrOp::ADDOV, IrType::Int, n0, b.kint(1), 0, s0);
  for (int k = 0; k < kM; k++) g.push_back(b.op2(IrOp::FADD, IrType::Flt, f[(k + 1) % kM], b.kflt(1.0)));
  Snapshot s;
  s.first = static_cast<uint32_t>(b.t.snap_entries.size());
  b.t.snap_entries.push_back({kCounter, n1});
  for (int k = 0; k < kN; k++) b.t.snap_entries.push_back({static_cast<uint32_t>(k), a[(k + 1) % kN]});
  for (int k = 0; k < kM; k++) b.t.snap_entries.push_back({static_cast<uint32_t>(kN + k), g[k]});
  s.count = 1 + kN + kM;
  b.t.snaps.push_back(s);
  const uint32_t s1 = static_cast<uint32_t>(b.t.snaps.size() - 1);
  b.emit(IrOp::GTRUE, IrType::Void, b.op2(IrOp::LT, IrType::Bool, n1, b.kint(kLimit)), kNoRef, 0, s1);
  b.phi(n0, n1);
  for (int k = 0; k < kN; k++) b.phi(a[k], a[(k + 1) % kN]);
  for (int k = 0; k < kM; k++) b.phi(f[k], g[k]);
  b.emit(IrOp::LOOP, IrType::Void);

  // The schedule really moves between spill slots and breaks the cycle.
  Trace copy = b.t;
  RegAllocInfo info;
  std::string why;
  ASSERT_TRUE(allocate_registers(copy, &info, &why)) << why;
  bool spill_to_spill = false, parked = false;
  for (const LoopMove& m : info.loop_moves) {
    spill_to_spill |= m.dst.kind == Loc::kSpill && m.src.kind == Loc::kSpill;
    parked |= m.dst.kind == Loc::kGpr && m.dst.reg == kMoveScratchGpr;
  }
  EXPECT_TRUE(spill_to_spill);
  EXPECT_TRUE(parked);

  compile(b.t);
  std::vector<Value> frame(kCounter + 1);
  for (int k = 0; k < kN; k++) frame[k] = I(100 + k);
  for (int k = 0; k < kM; k++) frame[kN + k] = F(0.5 * k);
  frame[kCounter] = I(0);
  EXPECT_EQ(run(b.t, frame.data()), 1u);
  const int64_t e = kLimit;  // body executions
  EXPECT_EQ(frame[kCounter], I(kLimit));
  for (int k = 0; k < kN; k++) EXPECT_EQ(frame[k], I(100 + (k + e) % kN)) << k;
  for (int k = 0; k < kM; k++) EXPECT_EQ(frame[kN + k], F(0.5 * ((k + e) % kM) + e)) << k;
}

TEST_F(JitBackend, MalformedPeeledLoopFails) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef i0 = b.int_slot(0, s0);
  b.phi(i0, b.op2(IrOp::ADD, IrType::Int, i0, b.kint(1)));  // no LOOPSTART
  b.emit(IrOp::LOOP, IrType::Void);
  const size_t used = mem_->used();
  std::string why;
  EXPECT_FALSE(compile_trace(b.t, *mem_, tramp_, nullptr, 0, false, &why));
  EXPECT_EQ(why, "PHI outside a peeled loop");
  EXPECT_EQ(mem_->used(), used);
}

// -- End to end: single operations ------------------------------------------------------

// Runs "slots 0/1 -> op -> slot 2" (binary) or "slot 0 -> op -> slot 1" (unary)
// once; guards of the op itself exit through snapshot 0, which stores nothing.
class JitBackendOps : public JitBackend {
 public:
  // [b_const]: b is an IR constant; [a_const]: a is (and b is not).
  Value binary(IrOp op, IrType in, IrType out, Value a, Value bv, bool b_const = false,
               bool a_const = false) {
    Builder b;
    uint32_t s0 = b.snap({});
    auto unbox = [&](uint32_t slot) -> IrRef {
      return in == IrType::Flt ? b.flt_slot(slot, s0) : b.int_slot(slot, s0);
    };
    auto konst = [&](Value v) -> IrRef {
      return in == IrType::Flt ? b.kflt(v.as_double()) : b.kint(v.as_small_int());
    };
    IrRef x = a_const ? konst(a) : unbox(0);
    IrRef y = b_const ? konst(bv) : unbox(1);
    IrRef r = b.emit(op, out, x, y, 0, ir_op_flags(op) & kIrGuard ? s0 : kNoSnap);
    uint32_t s1 = b.snap({{2, r}});
    b.exit_always(s1);
    compile(b.t);
    Value frame[3] = {a, bv, Value::none()};
    last_exit = run(b.t, frame);
    return frame[2];
  }
  Value unary(IrOp op, IrType in, IrType out, Value a) {
    Builder b;
    uint32_t s0 = b.snap({});
    IrRef x = in == IrType::Flt ? b.flt_slot(0, s0)
              : in == IrType::Int ? b.int_slot(0, s0)
                                  : b.op1(IrOp::UNBOXB, IrType::Bool, b.sload(0));
    IrRef r = b.emit(op, out, x, kNoRef, 0, ir_op_flags(op) & kIrGuard ? s0 : kNoSnap);
    uint32_t s1 = b.snap({{1, r}});
    b.exit_always(s1);
    compile(b.t);
    Value frame[2] = {a, Value::none()};
    last_exit = run(b.t, frame);
    return frame[1];
  }
  uint32_t last_exit = 99;
};

TEST_F(JitBackendOps, IntArithmetic) {
  for (bool k : {false, true}) {
    EXPECT_EQ(binary(IrOp::ADD, IrType::Int, IrType::Int, I(40), I(2), k), I(42));
    EXPECT_EQ(binary(IrOp::SUB, IrType::Int, IrType::Int, I(40), I(-2), k), I(42));
    EXPECT_EQ(binary(IrOp::MUL, IrType::Int, IrType::Int, I(-6), I(7), k), I(-42));
    EXPECT_EQ(binary(IrOp::BAND, IrType::Int, IrType::Int, I(0xF0F), I(0x0FF), k), I(0x00F));
    EXPECT_EQ(binary(IrOp::BOR, IrType::Int, IrType::Int, I(0xF00), I(0x00F), k), I(0xF0F));
    EXPECT_EQ(binary(IrOp::BXOR, IrType::Int, IrType::Int, I(0xFF), I(0x0F), k), I(0xF0));
    EXPECT_EQ(binary(IrOp::SHR, IrType::Int, IrType::Int, I(-64), I(3), k), I(-8));
    EXPECT_EQ(binary(IrOp::SUBOV, IrType::Int, IrType::Int, I(1), I(43), k), I(-42));
    EXPECT_EQ(last_exit, 1u);
    EXPECT_EQ(binary(IrOp::MULOV, IrType::Int, IrType::Int, I(1 << 20), I(1 << 20), k),
              I(int64_t{1} << 40));
    EXPECT_EQ(last_exit, 1u);
    // Overflow of the 48-bit range exits through the instruction's own snapshot.
    EXPECT_EQ(binary(IrOp::MULOV, IrType::Int, IrType::Int, I(1 << 24), I(1 << 24), k),
              Value::none());
    EXPECT_EQ(last_exit, 0u);
    EXPECT_EQ(binary(IrOp::SUBOV, IrType::Int, IrType::Int, I(Value::kSmallIntMin), I(1), k),
              Value::none());
    EXPECT_EQ(last_exit, 0u);
  }
  // 64-bit overflow (jo) as well as 48-bit.
  EXPECT_EQ(binary(IrOp::MULOV, IrType::Int, IrType::Int, I(Value::kSmallIntMax),
                   I(Value::kSmallIntMax)),
            Value::none());
  EXPECT_EQ(last_exit, 0u);
  EXPECT_EQ(unary(IrOp::NEGOV, IrType::Int, IrType::Int, I(42)), I(-42));
  EXPECT_EQ(last_exit, 1u);
  EXPECT_EQ(unary(IrOp::NEGOV, IrType::Int, IrType::Int, I(Value::kSmallIntMin)), Value::none());
  EXPECT_EQ(last_exit, 0u);
  EXPECT_EQ(unary(IrOp::I2F, IrType::Int, IrType::Flt, I(-7)), F(-7.0));
}

TEST_F(JitBackendOps, IntComparisons) {
  struct Case { IrOp op; int64_t a, b; bool want; };
  const Case cases[] = {
      {IrOp::LT, 1, 2, true},   {IrOp::LT, 2, 2, false},  {IrOp::LE, 2, 2, true},
      {IrOp::LE, 3, 2, false},  {IrOp::GT, 3, 2, true},   {IrOp::GT, -3, 2, false},
      {IrOp::GE, 2, 2, true},   {IrOp::GE, 1, 2, false},  {IrOp::EQ, 5, 5, true},
      {IrOp::EQ, 5, 6, false},  {IrOp::NE, 5, 6, true},   {IrOp::NE, 5, 5, false},
      {IrOp::ULT, 1, 2, true},  {IrOp::ULT, -1, 2, false},
  };
  for (const Case& c : cases) {
    for (bool k : {false, true})
      EXPECT_EQ(binary(c.op, IrType::Int, IrType::Bool, I(c.a), I(c.b), k), B(c.want))
          << ir_op_name(c.op) << " " << c.a << " " << c.b << " const " << k;
    // A constant left operand: cmp with the operands swapped.
    EXPECT_EQ(binary(c.op, IrType::Int, IrType::Bool, I(c.a), I(c.b), false, true), B(c.want))
        << ir_op_name(c.op) << " " << c.a << " " << c.b << " const a";
  }
  EXPECT_EQ(unary(IrOp::NOT, IrType::Bool, IrType::Bool, B(true)), B(false));
  EXPECT_EQ(unary(IrOp::NOT, IrType::Bool, IrType::Bool, B(false)), B(true));
}

// A comparison used only by the guard right after it is fused into cmp + jcc,
// with a constant on either side as the immediate.
TEST_F(JitBackendOps, FusedComparisonGuards) {
  struct Case { IrOp op; int64_t a, b; bool want; };
  const Case cases[] = {
      {IrOp::LT, 1, 2, true},   {IrOp::LT, 2, 2, false},  {IrOp::LE, 2, 2, true},
      {IrOp::LE, 3, 2, false},  {IrOp::GT, 3, 2, true},   {IrOp::GT, -3, 2, false},
      {IrOp::GE, 2, 2, true},   {IrOp::GE, 1, 2, false},  {IrOp::EQ, 5, 5, true},
      {IrOp::EQ, 5, 6, false},  {IrOp::NE, 5, 6, true},   {IrOp::NE, 5, 5, false},
      {IrOp::ULT, 1, 2, true},  {IrOp::ULT, -1, 2, false}, {IrOp::ULT, 2, 2, false},
      {IrOp::ULT, 0, -1, true},
  };
  for (const Case& c : cases)
    for (int kside : {0, 1, 2})
      for (IrOp g : {IrOp::GTRUE, IrOp::GFALSE}) {
        Builder b;
        uint32_t s0 = b.snap({});
        IrRef x = kside == 1 ? b.kint(c.a) : b.int_slot(0, s0);
        IrRef y = kside == 2 ? b.kint(c.b) : b.int_slot(1, s0);
        b.emit(g, IrType::Void, b.op2(c.op, IrType::Bool, x, y), kNoRef, 0, s0);
        b.exit_always(b.snap({}));
        compile(b.t, true);
        EXPECT_NE(b.t.asm_text.find("(fused)"), std::string::npos) << b.t.asm_text;
        Value frame[2] = {I(c.a), I(c.b)};
        const bool passes = c.want == (g == IrOp::GTRUE);
        EXPECT_EQ(run(b.t, frame), passes ? 1u : 0u)
            << ir_op_name(g) << " " << ir_op_name(c.op) << " " << c.a << " " << c.b << " const side " << kside;
      }
}

// GBOUND n [k] passes exactly when k <u n (imm32 or not).
TEST_F(JitBackendOps, BoundsGuard) {
  const int64_t big = int64_t{1} << 40;
  struct Case { int64_t n, k; bool passes; };
  const Case cases[] = {{3, 2, true}, {3, 3, false}, {0, 0, false}, {-1, 5, true},
                        {big + 1, big, true}, {big, big, false}};
  for (const Case& c : cases) {
    Builder b;
    uint32_t s0 = b.snap({});
    b.emit(IrOp::GBOUND, IrType::Void, b.int_slot(0, s0), kNoRef, c.k, s0);
    b.exit_always(b.snap({}));
    compile(b.t);
    Value frame[1] = {I(c.n)};
    EXPECT_EQ(run(b.t, frame), c.passes ? 1u : 0u) << c.n << " " << c.k;
  }
}

// A PREFETCH reaches 8 steps ahead with prefetchw and never faults, whatever
// the address (here far past any mapping and at a wild base).
TEST_F(JitBackendOps, PrefetchNeverFaults) {
  for (int64_t step : {int64_t{16}, int64_t{1} << 44}) {
    for (bool const_step : {false, true}) {
      Builder b;
      uint32_t s0 = b.snap({});
      IrRef base = b.op1(IrOp::OBJPTR, IrType::Ptr, b.sload(0));
      IrRef index = b.int_slot(1, s0);
      IrRef by = const_step ? b.kint(step) : b.int_slot(2, s0);
      Ins pf{IrOp::PREFETCH, IrType::Void};
      pf.a = base;
      pf.b = index;
      pf.c = by;
      pf.imm = 32;
      b.t.emit(pf);
      b.exit_always(b.snap({}));
      compile(b.t, true);
      EXPECT_NE(b.t.asm_text.find("prefetchw"), std::string::npos) << b.t.asm_text;
      Value frame[3] = {Value::object(reinterpret_cast<runtime::Obj*>(uint64_t{0x7ff0} << 32)), I(1) , I(step)};
      EXPECT_EQ(run(b.t, frame), 1u);
    }
  }
}

// A small int plus or minus a constant checks only the bound it moves
// towards; both directions and both ops, at and next to each limit.
TEST_F(JitBackendOps, CheckedStepByConstantChecksOneBound) {
  const int64_t max = Value::kSmallIntMax, min = Value::kSmallIntMin;
  struct Case { IrOp op; int64_t x, k; bool exits; };
  const Case cases[] = {
      {IrOp::ADDOV, max - 1, 1, false}, {IrOp::ADDOV, max, 1, true},      {IrOp::ADDOV, min, 1, false},
      {IrOp::ADDOV, min + 3, -3, false}, {IrOp::ADDOV, min + 2, -3, true}, {IrOp::ADDOV, max, -3, false},
      {IrOp::SUBOV, min + 1, 1, false}, {IrOp::SUBOV, min, 1, true},      {IrOp::SUBOV, max, 1, false},
      {IrOp::SUBOV, max - 5, -5, false}, {IrOp::SUBOV, max - 4, -5, true}, {IrOp::SUBOV, min, -5, false},
  };
  for (const Case& c : cases) {
    Value r = binary(c.op, IrType::Int, IrType::Int, I(c.x), I(c.k), true);
    EXPECT_EQ(last_exit, c.exits ? 0u : 1u) << ir_op_name(c.op) << " " << c.x << " " << c.k;
    if (!c.exits) EXPECT_EQ(r, I(c.op == IrOp::ADDOV ? c.x + c.k : c.x - c.k));
  }
}

// LDXB zero-extends one byte; STXB writes only the low byte of an Int, by
// register and by constant, at a constant or variable index.
TEST_F(JitBackendOps, ByteLoadsAndStores) {
  for (bool const_index : {false, true}) {
    alignas(8) unsigned char buf[16] = {0, 1, 2, 200, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    Builder b;
    uint32_t s0 = b.snap({});
    IrRef base = b.emit(IrOp::KPTR, IrType::Ptr, kNoRef, kNoRef, reinterpret_cast<int64_t>(buf));
    IrRef index = const_index ? b.kint(3) : b.int_slot(0, s0);  // item 3 + imm 0
    IrRef loaded = b.emit(IrOp::LDXB, IrType::Int, base, index, 0);
    IrRef v = b.int_slot(1, s0);
    b.emit(IrOp::STXB, IrType::Void, base, index, 8, kNoSnap, v);       // buf[11] = v
    b.emit(IrOp::STXB, IrType::Void, base, index, 9, kNoSnap, b.kint(255));  // buf[12] = 255
    uint32_t s1 = b.snap({{2, b.op1(IrOp::BOXI, IrType::Val, loaded)}});
    b.exit_always(s1);
    compile(b.t, true);
    EXPECT_NE(b.t.asm_text.find("movzx"), std::string::npos) << b.t.asm_text;
    Value frame[3] = {I(3), I(77), Value::none()};
    EXPECT_EQ(run(b.t, frame), 1u);
    EXPECT_EQ(frame[2], I(200));
    EXPECT_EQ(buf[11], 77);
    EXPECT_EQ(buf[12], 255);
    EXPECT_EQ(buf[10], 10);
    EXPECT_EQ(buf[13], 13);
  }
}

TEST_F(JitBackendOps, FloatArithmetic) {
  for (bool k : {false, true}) {
    EXPECT_EQ(binary(IrOp::FADD, IrType::Flt, IrType::Flt, F(1.5), F(2.25), k), F(3.75));
    EXPECT_EQ(binary(IrOp::FSUB, IrType::Flt, IrType::Flt, F(1.5), F(2.25), k), F(-0.75));
    EXPECT_EQ(binary(IrOp::FMUL, IrType::Flt, IrType::Flt, F(1.5), F(-2.0), k), F(-3.0));
    EXPECT_EQ(binary(IrOp::FDIV, IrType::Flt, IrType::Flt, F(1.0), F(4.0), k), F(0.25));
  }
  EXPECT_EQ(unary(IrOp::FNEG, IrType::Flt, IrType::Flt, F(2.5)), F(-2.5));
  EXPECT_EQ(unary(IrOp::FNEG, IrType::Flt, IrType::Flt, F(0.0)), F(-0.0));
  EXPECT_EQ(unary(IrOp::FABS, IrType::Flt, IrType::Flt, F(-2.5)), F(2.5));
  EXPECT_EQ(unary(IrOp::FSQRT, IrType::Flt, IrType::Flt, F(2.25)), F(1.5));
  // inf - inf is x86's default NaN, the negative canonical one, as the
  // interpreter boxes it (Value::from_double); nan + 1 keeps nan's bits.
  Value nan = binary(IrOp::FSUB, IrType::Flt, IrType::Flt, F(INFINITY), F(INFINITY));
  EXPECT_EQ(nan.bits(), Value::kCanonicalNan | Value::kSignBit);
  EXPECT_TRUE(nan.is_double());
  Value same = binary(IrOp::FADD, IrType::Flt, IrType::Flt, Value::from_bits(Value::kCanonicalNan), F(1.0));
  EXPECT_EQ(same.bits(), Value::kCanonicalNan);
}

TEST_F(JitBackendOps, FloatComparisonsWithNan) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double vals[] = {-1.0, 0.0, 2.5, nan};
  for (double x : vals) {
    for (double y : vals) {
      for (bool k : {false, true}) {
        EXPECT_EQ(binary(IrOp::FLT, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x < y)) << x << y;
        EXPECT_EQ(binary(IrOp::FLE, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x <= y)) << x << y;
        EXPECT_EQ(binary(IrOp::FGT, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x > y)) << x << y;
        EXPECT_EQ(binary(IrOp::FGE, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x >= y)) << x << y;
        EXPECT_EQ(binary(IrOp::FEQ, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x == y)) << x << y;
        EXPECT_EQ(binary(IrOp::FNE, IrType::Flt, IrType::Bool, F(x), F(y), k), B(x != y)) << x << y;
      }
    }
  }
}

// -- End to end: boxing, guards, memory ----------------------------------------------------

struct FakeKlass { int dummy; };
struct FakeObj {
  const FakeKlass* klass;  // like runtime::Obj, the klass comes first
  uint64_t pad;
  int64_t ival;
  uint64_t vals[4];
};

// A float comparison used only by the guard right after it becomes ucomisd
// and jumps; NaN makes FLT..FEQ false and FNE true, as unfused.
TEST_F(JitBackend, FusedFloatComparisonGuards) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double vals[] = {-1.0, 0.0, 2.5, nan};
  struct Op { IrOp op; bool (*f)(double, double); };
  const Op ops[] = {
      {IrOp::FLT, [](double x, double y) { return x < y; }}, {IrOp::FLE, [](double x, double y) { return x <= y; }},
      {IrOp::FGT, [](double x, double y) { return x > y; }}, {IrOp::FGE, [](double x, double y) { return x >= y; }},
      {IrOp::FEQ, [](double x, double y) { return x == y; }}, {IrOp::FNE, [](double x, double y) { return x != y; }},
  };
  for (const Op& o : ops)
    for (IrOp g : {IrOp::GTRUE, IrOp::GFALSE})
      for (bool k : {false, true}) {
        for (double y : vals) {
          if (k && y != 0.0) continue;  // the constant is +0.0 (xorps)
          Builder b;
          uint32_t s0 = b.snap({});
          IrRef x = b.flt_slot(0, s0);
          IrRef yr = k ? b.kflt(0.0) : b.flt_slot(1, s0);
          b.emit(g, IrType::Void, b.op2(o.op, IrType::Bool, x, yr), kNoRef, 0, s0);
          b.exit_always(b.snap({}));
          compile(b.t, true);
          EXPECT_NE(b.t.asm_text.find("(fused)"), std::string::npos) << b.t.asm_text;
          for (double xv : vals) {
            Value frame[2] = {F(xv), F(y)};
            const bool passes = o.f(xv, y) == (g == IrOp::GTRUE);
            EXPECT_EQ(run(b.t, frame), passes ? 1u : 0u)
                << ir_op_name(g) << " " << ir_op_name(o.op) << " " << xv << " " << y << " const " << k;
          }
        }
      }
}

TEST_F(JitBackend, GuardsBoxingAndMemory) {
  static FakeKlass k1, k2;
  alignas(16) static FakeObj obj{&k1, 0, 77, {1, 2, 3, 4}};
  obj.vals[2] = Value::small_int(9).bits();
  const Value vobj = Value::from_bits((Value::kTagObj << 48) | reinterpret_cast<uint64_t>(&obj));

  Builder b;
  uint32_t s0 = b.snap({});
  IrRef v = b.sload(0);
  b.emit(IrOp::GKLASS, IrType::Void, v, kNoRef, reinterpret_cast<int64_t>(&k1), s0);
  IrRef p = b.op1(IrOp::OBJPTR, IrType::Ptr, v);
  IrRef n = b.emit(IrOp::LDI, IrType::Int, p, kNoRef, offsetof(FakeObj, ival));
  IrRef idx = b.int_slot(1, s0);
  IrRef e = b.emit(IrOp::LDXV, IrType::Val, p, idx, offsetof(FakeObj, vals));
  IrRef e3 = b.emit(IrOp::LDXV, IrType::Val, p, b.kint(3), offsetof(FakeObj, vals));  // [p + disp]
  b.emit(IrOp::STI, IrType::Void, p, b.op2(IrOp::ADD, IrType::Int, n, b.kint(1)), offsetof(FakeObj, ival));
  b.emit(IrOp::STXV, IrType::Void, p, b.kint(0), offsetof(FakeObj, vals), kNoSnap, e);
  IrRef flag = b.op1(IrOp::UNBOXB, IrType::Bool, b.sload(2));
  b.emit(IrOp::GFALSE, IrType::Void, flag, kNoRef, 0, s0);
  b.emit(IrOp::GEQV, IrType::Void, b.sload(3), kNoRef, static_cast<int64_t>(Value::none().bits()), s0);
  uint32_t s1 = b.snap({{4, n}, {5, e}, {6, b.op1(IrOp::BOXB, IrType::Val, b.op1(IrOp::NOT, IrType::Bool, flag))},
                        {7, e3}});
  b.exit_always(s1);
  compile(b.t, true);
  EXPECT_NE(b.t.asm_text.find("OBJPTR (fused)"), std::string::npos) << b.t.asm_text;  // right after GKLASS
  // Constant indices are displacements: no scaled index register.
  EXPECT_NE(b.t.asm_text.find(std::to_string(offsetof(FakeObj, vals) + 3 * 8) + "]"), std::string::npos)
      << b.t.asm_text;
  EXPECT_NE(b.t.asm_text.find(std::to_string(offsetof(FakeObj, vals)) + "]"), std::string::npos)
      << b.t.asm_text;

  Value frame[8] = {vobj, I(2), B(false), Value::none()};
  EXPECT_EQ(run(b.t, frame), 1u);
  EXPECT_EQ(frame[4], I(77));
  EXPECT_EQ(frame[5], I(9));
  EXPECT_EQ(frame[6], B(true));
  EXPECT_EQ(frame[7], Value::from_bits(4));
  EXPECT_EQ(obj.ival, 78);
  EXPECT_EQ(obj.vals[0], I(9).bits());

  // Each guard fails on its own.
  Value bad_klass[8] = {vobj, I(2), B(false), Value::none()};
  obj.klass = &k2;
  EXPECT_EQ(run(b.t, bad_klass), 0u);
  obj.klass = &k1;
  Value not_obj[8] = {I(1), I(2), B(false), Value::none()};
  EXPECT_EQ(run(b.t, not_obj), 0u);
  Value flag_set[8] = {vobj, I(2), B(true), Value::none()};
  EXPECT_EQ(run(b.t, flag_set), 0u);
  Value not_none[8] = {vobj, I(2), B(false), I(0)};
  EXPECT_EQ(run(b.t, not_none), 0u);
  EXPECT_EQ(obj.ival, 78 + 2);  // the STI ran before GFALSE and GEQV failed
}

// Far more live values than registers: exits read spilled values in place.
TEST_F(JitBackend, SpilledValuesReachTheSnapshot) {
  constexpr int kN = 40;
  Builder b;
  uint32_t s0 = b.snap({});
  std::vector<IrRef> ints, flts;
  for (int i = 0; i < kN; i++) ints.push_back(b.op2(IrOp::MUL, IrType::Int, b.int_slot(i, s0), b.kint(3)));
  for (int i = 0; i < kN; i++) flts.push_back(b.op1(IrOp::I2F, IrType::Flt, ints[i]));
  IrRef sum = b.kint(0);
  for (int i = 0; i < kN; i++) sum = b.op2(IrOp::ADD, IrType::Int, sum, ints[i]);
  Snapshot s;
  s.first = static_cast<uint32_t>(b.t.snap_entries.size());
  for (int i = 0; i < kN; i++) b.t.snap_entries.push_back({static_cast<uint32_t>(kN + i), ints[i]});
  for (int i = 0; i < kN; i++) b.t.snap_entries.push_back({static_cast<uint32_t>(2 * kN + i), flts[i]});
  b.t.snap_entries.push_back({3 * kN, sum});
  s.count = 2 * kN + 1;
  b.t.snaps.push_back(s);
  b.exit_always(1);
  compile(b.t);
  EXPECT_GT(b.t.spill_slots, 0u);
  std::vector<Value> frame(3 * kN + 1, Value::none());
  for (int i = 0; i < kN; i++) frame[i] = I(i - 7);
  EXPECT_EQ(run(b.t, frame.data()), 1u);
  int64_t want = 0;
  for (int i = 0; i < kN; i++) {
    EXPECT_EQ(frame[kN + i], I(3 * (i - 7))) << i;
    EXPECT_EQ(frame[2 * kN + i], F(3.0 * (i - 7))) << i;
    want += 3 * (i - 7);
  }
  EXPECT_EQ(frame[3 * kN], I(want));
}

// -- End to end: calls --------------------------------------------------------------------

double mix(int64_t a, double x, int64_t b, double y, int64_t c, double z) {
  return static_cast<double>(a) * x + static_cast<double>(b) * y + static_cast<double>(c) * z;
}
int64_t weigh(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}
double fhalf(double x) { return x / 2; }

TEST_F(JitBackend, CallsWithMixedArguments) {
  Builder b;
  uint32_t s0 = b.snap({});
  std::vector<IrRef> is, fs;
  for (int i = 0; i < 6; i++) is.push_back(b.int_slot(i, s0));
  for (int i = 0; i < 3; i++) fs.push_back(b.flt_slot(6 + i, s0));
  // Arguments in reverse register order force the staged parallel move.
  IrRef w = b.call(reinterpret_cast<const void*>(&weigh), IrType::Int,
                   {is[5], is[4], is[3], is[2], is[1], is[0]});
  IrRef m = b.call(reinterpret_cast<const void*>(&mix), IrType::Flt,
                   {is[0], fs[0], is[1], fs[1], w, fs[2]});
  IrRef h = b.call(reinterpret_cast<const void*>(&fhalf), IrType::Flt, {b.kflt(5.0)});
  IrRef k = b.call(reinterpret_cast<const void*>(&weigh), IrType::Int,
                   {b.kint(1), b.kint(1), b.kint(1), b.kint(1), b.kint(1), b.kint(-1)});
  // Values used after the calls: callee-saved or spilled, never clobbered.
  IrRef after = b.op2(IrOp::ADD, IrType::Int, is[0], is[5]);
  IrRef fafter = b.op2(IrOp::FADD, IrType::Flt, fs[0], fs[2]);
  uint32_t s1 = b.snap({{10, w}, {11, m}, {12, h}, {13, k}, {14, after}, {15, fafter}});
  b.exit_always(s1);
  compile(b.t, true);
  Value frame[16];
  for (int i = 0; i < 6; i++) frame[i] = I(i + 1);
  for (int i = 0; i < 3; i++) frame[6 + i] = F(0.5 * (i + 1));
  // The reversed arguments needed the staging slots (slot 0 is never a value's).
  EXPECT_NE(b.t.asm_text.find("mov qword ptr [rsp], "), std::string::npos) << b.t.asm_text;
  if (getenv("CT_SHOW_ASM")) printf("%s\n", b.t.asm_text.c_str());
  EXPECT_EQ(run(b.t, frame), 1u) << b.t.asm_text;
  const int64_t want_w = weigh(6, 5, 4, 3, 2, 1);
  EXPECT_EQ(frame[10], I(want_w));
  EXPECT_EQ(frame[11], F(mix(1, 0.5, 2, 1.0, want_w, 1.5)));
  EXPECT_EQ(frame[12], F(2.5));
  EXPECT_EQ(frame[13], I(9));
  EXPECT_EQ(frame[14], I(7));
  EXPECT_EQ(frame[15], F(2.0));
}

// The upper bits of rax are garbage after a bool helper returns.
bool is_big(int64_t x) {
  int64_t garbage = -1;
  asm volatile("mov %0, %%rax" : : "r"(garbage) : "rax");
  return x > 100;
}

TEST_F(JitBackend, BoolHelperResultIsZeroOrOne) {
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef x = b.int_slot(0, s0);
  IrRef big = b.call(reinterpret_cast<const void*>(&is_big), IrType::Bool, {x});
  uint32_t s1 = b.snap({{1, big}, {2, b.op2(IrOp::EQ, IrType::Bool, big, b.kint(1))}});
  b.exit_always(s1);
  compile(b.t);
  for (int64_t v : {5, 500}) {
    Value frame[3] = {I(v)};
    EXPECT_EQ(run(b.t, frame), 1u);
    EXPECT_EQ(frame[1], B(v > 100));
    EXPECT_EQ(frame[2], B(v > 100));
  }
}

// A GC-capable helper: checks the call site and the stack map, then rewrites
// every listed spill slot (as a moving collector would) to prove the trace
// reads the Vals back from there.
uint64_t gc_calls_seen = 0;
uint64_t fake_gc(uint64_t v) {
  Activation* act = JitBackend::current_;
  const Trace& t = *act->trace;
  EXPECT_EQ(act->callsite >> 16, static_cast<uint32_t>(t.id));
  const uint32_t callsite = act->callsite & kIndexMask;
  EXPECT_LT(callsite, t.stackmaps.size());
  const StackMap& map = t.stackmaps[callsite];
  EXPECT_EQ(map.callsite, callsite);
  for (int32_t slot : map.ref_slots) {
    uint64_t bits;
    std::memcpy(&bits, act->spill_base + 8 * slot, 8);
    Value val = Value::from_bits(bits);
    EXPECT_TRUE(val.is_small_int()) << slot;
    val = I(val.as_small_int() + 1000);
    bits = val.bits();
    std::memcpy(act->spill_base + 8 * slot, &bits, 8);
  }
  gc_calls_seen++;
  return v;
}

TEST_F(JitBackend, GcCallKeepsValsInStackMappedSlots) {
  Builder b;
  b.t.id = 3;  // call-site numbers carry it
  uint32_t s0 = b.snap({});
  IrRef v0 = b.sload(0);
  IrRef v1 = b.sload(1);
  IrRef v2 = b.sload(2);
  b.emit(IrOp::GINT, IrType::Void, v0, kNoRef, 0, s0);
  IrRef n = b.int_slot(3, s0);  // an Int across the call: stays in a callee-saved register
  IrRef r0 = b.call(reinterpret_cast<const void*>(&fake_gc), IrType::Val, {v2}, true);
  IrRef r1 = b.call(reinterpret_cast<const void*>(&fake_gc), IrType::Val, {r0}, true);
  b.sstore(4, v0);
  uint32_t s1 = b.snap({{5, v1}, {6, r1}, {7, n}});  // v1 only lives for this snapshot
  b.exit_always(s1);
  compile(b.t);
  ASSERT_EQ(b.t.stackmaps.size(), 2u);
  EXPECT_EQ(b.t.stackmaps[0].ref_slots.size(), 2u);  // v0, v1
  EXPECT_EQ(b.t.stackmaps[1].ref_slots.size(), 2u);  // v0, v1 (r0 dies at the call)
  for (IrRef r : {v0, v1}) ASSERT_EQ(b.t.locs[r].kind, Loc::kSpill);
  Value frame[8] = {I(1), I(2), I(3), I(4)};
  gc_calls_seen = 0;
  EXPECT_EQ(run(b.t, frame), (3u << 16) | 1u);
  EXPECT_EQ(gc_calls_seen, 2u);
  EXPECT_EQ(frame[4], I(2001));  // rewritten by both "collections"
  EXPECT_EQ(frame[5], I(2002));
  EXPECT_EQ(frame[6], I(3));
  EXPECT_EQ(frame[7], I(4));
}

// -- Linking traces ----------------------------------------------------------------------

TEST_F(JitBackend, JtraceAndPatchedStub) {
  // Root: counting loop to 1000. Side: slot1 = 7, then JTRACE to the root.
  Trace root = counting_loop(1000);
  compile(root);
  entries_ = {root.mcode};
  Builder side;
  side.sstore(1, side.kval(I(7)));
  side.emit(IrOp::JTRACE, IrType::Void, kNoRef, kNoRef, 0);
  compile(side.t, true);
  Value frame[2] = {I(10), I(0)};
  Activation act{};
  act.exit_fn = test_exit;
  act.trace = &root;  // the exit is taken in the root
  act.base = frame;
  EXPECT_EQ(tramp_.enter(&act, frame, side.t.mcode), 1u);
  EXPECT_EQ(frame[0], I(1000));
  EXPECT_EQ(frame[1], I(7));

  // Patch the root's GINT exit (snap 0) to jump to another trace instead.
  Builder other;
  other.sstore(1, other.kval(I(99)));
  uint32_t s0 = other.snap({});
  other.exit_always(s0);
  compile(other.t);
  uint8_t* jmp = const_cast<uint8_t*>(root.exit_stubs[0]) + kExitStubJmpOffset;
  const int32_t rel = static_cast<int32_t>(other.t.mcode - (jmp + 5));
  uint8_t patch[5] = {0xE9};
  std::memcpy(patch + 1, &rel, 4);
  mem_->patch(jmp, patch, 5);
  Value f2[2] = {F(1.0), I(0)};
  act = Activation{};
  act.exit_fn = test_exit;
  act.trace = &other.t;  // the exit is taken in the patched-in trace
  act.base = f2;
  EXPECT_EQ(tramp_.enter(&act, f2, root.mcode), 0u);
  EXPECT_EQ(f2[1], I(99));
}

TEST_F(JitBackend, JtraceWithoutTargetFails) {
  Builder b;
  b.emit(IrOp::JTRACE, IrType::Void, kNoRef, kNoRef, 5);
  const size_t used = mem_->used();
  std::string why;
  EXPECT_FALSE(compile_trace(b.t, *mem_, tramp_, nullptr, 0, false, &why));
  EXPECT_EQ(why, "JTRACE to a trace without code");
  EXPECT_EQ(mem_->used(), used);
}

TEST_F(JitBackend, TraceMustEndInLoopOrJtrace) {
  Builder b;
  b.sstore(0, b.kval(I(1)));
  std::string why;
  EXPECT_FALSE(compile_trace(b.t, *mem_, tramp_, nullptr, 0, false, &why));
  EXPECT_EQ(why, "trace does not end in LOOP or JTRACE");
}

TEST_F(JitBackend, NopsAreSkipped) {
  Trace t = counting_loop(50);
  // Turn the BOXI+SSTORE pair into NOPs after adding a replacement at the end.
  Builder b;
  b.t = t;
  b.t.ir.pop_back();  // LOOP
  const size_t n = b.t.ir.size();
  IrRef boxed = b.op1(IrOp::BOXI, IrType::Val, b.t.ir[n - 2].a);
  b.sstore(0, boxed);
  b.emit(IrOp::LOOP, IrType::Void);
  b.t.ir[n - 2] = Ins{IrOp::NOP, IrType::Void};
  b.t.ir[n - 1] = Ins{IrOp::NOP, IrType::Void};
  compile(b.t);
  Value frame[1] = {I(0)};
  EXPECT_EQ(run(b.t, frame), 1u);
  EXPECT_EQ(frame[0], I(50));
}

TEST(JitBackendMemory, FullCodeMemoryCommitsNothing) {
  CodeMemory mem(4096);
  Trampolines tramp = make_trampolines(mem);
  ASSERT_NE(tramp.enter, nullptr);
  Builder b;
  uint32_t s0 = b.snap({});
  IrRef acc = b.int_slot(0, s0);
  for (int i = 0; i < 400; i++)
    acc = b.emit(IrOp::ADDOV, IrType::Int, acc, b.kint(i), 0, s0);
  b.sstore(0, b.op1(IrOp::BOXI, IrType::Val, acc));
  b.emit(IrOp::LOOP, IrType::Void);
  const size_t used = mem.used();
  std::string why;
  EXPECT_FALSE(compile_trace(b.t, mem, tramp, nullptr, 0, false, &why));
  EXPECT_EQ(why, "code memory full");
  EXPECT_EQ(mem.used(), used);
  EXPECT_EQ(b.t.mcode, nullptr);
}

}  // namespace
}  // namespace contrail::jit
