// tests/unit/jit_deopt_test.cpp -- Tests leaving a trace: restore_snapshot
// (jit/deopt.cpp) and fast exits (jit/exit_link.cpp).
//  - restore_snapshot boxes values from registers, spill slots and constants
//    of every type into the frame and sets vm.sp and frame->pc;
//  - link_exit's block, run through the real backend and trampolines, leaves
//    exactly the frame restore_snapshot leaves (bit for bit) and continues in
//    the target trace; it refuses what it cannot box without patching;
//  - end to end through the Engine: programs whose exits get linked (side
//    traces, loop links) print what the interpreter prints, also under
//    --gc-stress with references held only by traces.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "contrail/contrail.h"
#include "jit/backend.h"
#include "jit/exit_link.h"
#include "jit/jit_state.h"
#include "jit/trampoline.h"
#include "runtime/obj_func.h"
#include "runtime/vm.h"
#include "src/front/front.h"
#include "src/interp/interp.h"
#include "src/interp/loader.h"

namespace contrail::jit {
namespace {

using runtime::Value;

constexpr uint64_t kOddNanBits = 0xFFF0000000000001ull;  // a NaN that is not kCanonicalNan
constexpr uint64_t kNegativeNan = Value::kCanonicalNan | Value::kSignBit;  // odd NaNs box as this

// A VM with one interpreter frame (module code of a tiny program) whose
// locals start at the VM stack's base: what restore_snapshot writes into.
class FrameVm {
 public:
  FrameVm() {
    interp::install(vm);
    front::CompileResult cr = front::compile_source("x = 1\ny = 2\nz = x + y\n", "<test>");
    if (cr.error.has_value() || !cr.code) return;
    code_.set(interp::load_code(vm, *cr.code));
    vm.frame = vm.frames;
    frame = vm.frame;
    *frame = runtime::Frame{};
    frame->code = code_.get().as<runtime::Code>();
    frame->locals = vm.stack;
    frame->stack_base = vm.stack;
    frame->pc = frame->code->code();
    for (int i = 0; i < 64; i++) vm.stack[i] = Value::none();
    vm.sp = vm.stack;
  }
  ~FrameVm() {
    vm.frame = vm.frames - 1;
    vm.sp = vm.stack;
  }
  Value* base() const { return frame->locals; }
  // An Activation for a trace anchored in this frame.
  Activation activation(Trace* t, ExitFn fn) {
    Activation act{};
    act.exit_fn = fn;
    act.trace = t;
    act.vm = &vm;
    act.base = base();
    act.callsite = UINT32_MAX;
    act.frame = frame;
    return act;
  }

  runtime::Vm vm{runtime::VmOptions{}};
  runtime::Frame* frame = nullptr;

 private:
  runtime::RootValue code_{vm};
};

// -- restore_snapshot ----------------------------------------------------------------

Ins value_ins(IrType type, int64_t imm = 0) {
  Ins ins{};
  ins.op = type == IrType::Flt ? IrOp::FADD : type == IrType::Val ? IrOp::LDV : IrOp::ADD;
  ins.type = type;
  ins.imm = imm;
  return ins;
}

Ins const_ins(IrType type, int64_t imm) {
  Ins ins{};
  ins.op = type == IrType::Flt ? IrOp::KFLT : type == IrType::Val ? IrOp::KVAL : IrOp::KINT;
  ins.type = type;
  ins.imm = imm;
  return ins;
}

TEST(RestoreSnapshot, BoxesEveryTypeFromEveryLocation) {
  FrameVm fv;
  ASSERT_NE(fv.frame, nullptr);
  Trace t;
  t.id = 0;
  uint64_t spill[16] = {};
  Activation act = fv.activation(&t, nullptr);
  act.spill_base = reinterpret_cast<uint8_t*>(spill);
  struct Case {
    IrType type;
    Loc loc;
    uint64_t raw;  // register / spill contents, or the constant's imm
    Value want;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Case cases[] = {
      {IrType::Int, {Loc::kGpr, RBX, -1}, static_cast<uint64_t>(-5), Value::small_int(-5)},
      {IrType::Int, {Loc::kSpill, 0, 3}, uint64_t{1} << 40, Value::small_int(int64_t{1} << 40)},
      {IrType::Int, {Loc::kConst, 0, -1}, 42, Value::small_int(42)},
      {IrType::Flt, {Loc::kXmm, 5, -1}, std::bit_cast<uint64_t>(2.5), Value::from_double(2.5)},
      {IrType::Flt, {Loc::kXmm, 6, -1}, kOddNanBits, Value::from_bits(kNegativeNan)},
      {IrType::Flt, {Loc::kXmm, 7, -1}, kOddNanBits & ~Value::kSignBit, Value::from_bits(Value::kCanonicalNan)},
      {IrType::Flt, {Loc::kSpill, 0, 4}, std::bit_cast<uint64_t>(-0.0), Value::from_double(-0.0)},
      {IrType::Flt, {Loc::kConst, 0, -1}, std::bit_cast<uint64_t>(-nan), Value::from_bits(kNegativeNan)},
      {IrType::Flt, {Loc::kConst, 0, -1}, std::bit_cast<uint64_t>(nan), Value::from_bits(Value::kCanonicalNan)},
      {IrType::Bool, {Loc::kGpr, RSI, -1}, 1, Value::boolean(true)},
      {IrType::Bool, {Loc::kSpill, 0, 5}, 0, Value::boolean(false)},
      {IrType::Bool, {Loc::kConst, 0, -1}, 1, Value::boolean(true)},
      {IrType::Val, {Loc::kGpr, R14, -1}, Value::none().bits(), Value::none()},
      {IrType::Val, {Loc::kSpill, 0, 6}, Value::small_int(7).bits(), Value::small_int(7)},
      {IrType::Val, {Loc::kConst, 0, -1}, Value::boolean(false).bits(), Value::boolean(false)},
  };
  Snapshot s;
  s.pc = 2;
  s.nslots = 20;
  uint32_t slot = 0;
  for (const Case& c : cases) {
    IrRef ref;
    if (c.loc.kind == Loc::kConst) {
      ref = t.emit(const_ins(c.type, static_cast<int64_t>(c.raw)));
    } else {
      ref = t.emit(value_ins(c.type));
      if (c.loc.kind == Loc::kGpr) act.regs.gpr[c.loc.reg] = c.raw;
      if (c.loc.kind == Loc::kXmm) act.regs.xmm[c.loc.reg] = c.raw;
      if (c.loc.kind == Loc::kSpill) spill[c.loc.spill] = c.raw;
    }
    t.locs.push_back(c.loc);
    t.snap_entries.push_back({slot++, ref});
  }
  s.count = static_cast<uint32_t>(t.snap_entries.size());
  t.snaps.push_back(s);
  fv.base()[slot] = Value::small_int(1234);  // not in the snapshot: untouched

  restore_snapshot(&act, t, 0);
  for (uint32_t i = 0; i < std::size(cases); i++)
    EXPECT_EQ(fv.base()[i].bits(), cases[i].want.bits()) << "case " << i;
  EXPECT_EQ(fv.base()[slot], Value::small_int(1234));
  EXPECT_EQ(fv.vm.sp, fv.base() + 20);
  EXPECT_EQ(fv.vm.frame, fv.frame);
  EXPECT_EQ(fv.frame->pc, fv.frame->code->code() + 2);
}

// -- link_exit through the backend ----------------------------------------------------

struct Builder {
  Trace t;
  explicit Builder(int id) { t.id = id; }
  IrRef emit(IrOp op, IrType type, IrRef a = kNoRef, IrRef b = kNoRef, int64_t imm = 0,
             uint32_t snap = kNoSnap) {
    Ins ins{};
    ins.op = op;
    ins.type = type;
    ins.a = a;
    ins.b = b;
    ins.imm = imm;
    ins.snap = snap;
    return t.emit(ins);
  }
  IrRef kint(int64_t v, IrType type = IrType::Int) { return emit(IrOp::KINT, type, kNoRef, kNoRef, v); }
  IrRef kflt(double d) { return emit(IrOp::KFLT, IrType::Flt, kNoRef, kNoRef, std::bit_cast<int64_t>(d)); }
  IrRef kval(Value v) { return emit(IrOp::KVAL, IrType::Val, kNoRef, kNoRef, static_cast<int64_t>(v.bits())); }
  IrRef sload(uint32_t slot) { return emit(IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, slot); }
  uint32_t snap(const std::vector<SnapEntry>& entries, uint32_t nslots) {
    Snapshot s;
    s.nslots = nslots;
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
};

const void* exit_restoring(Activation* act) {
  restore_snapshot(act, *act->trace, act->exit_snap & kExitIndexMask);
  return nullptr;
}
const void* exit_plain(Activation*) { return nullptr; }

class LinkExit : public ::testing::Test {
 protected:
  LinkExit() : mem_(size_t{1} << 20) { tramp_ = make_trampolines(mem_); }
  void compile(Trace& t) {
    std::string why;
    ASSERT_TRUE(compile_trace(t, mem_, tramp_, nullptr, 0, false, &why)) << why;
  }
  // The address the rel32 jmp of exit stub [snap] of [t] goes to.
  static const uint8_t* stub_target(const Trace& t, uint32_t snap) {
    const uint8_t* jmp = t.exit_stubs[snap] + kExitStubJmpOffset;
    int32_t rel;
    std::memcpy(&rel, jmp + 1, 4);
    return jmp + 5 + rel;
  }
  // A trace [id] that leaves at once through its snapshot 0 (stores nothing).
  Trace exiting_trace(int id) {
    Builder b(id);
    b.exit_always(b.snap({}, 0));
    return b.t;
  }

  CodeMemory mem_;
  Trampolines tramp_;
};

constexpr uint32_t kFirstOut = 8;  // slots 0..3 are the inputs; the snapshot writes from here

// Many live values of every type at one always-taken exit (snapshot 1), so
// registers run out and values land in spill slots too, plus constants.
Trace many_values_trace(int id, uint32_t* nslots) {
  Builder b(id);
  uint32_t s0 = b.snap({}, 4);
  IrRef iv = b.sload(0);
  b.emit(IrOp::GINT, IrType::Void, iv, kNoRef, 0, s0);
  IrRef i = b.emit(IrOp::UNBOXI, IrType::Int, iv);
  IrRef xv = b.sload(1);
  b.emit(IrOp::GFLT, IrType::Void, xv, kNoRef, 0, s0);
  IrRef x = b.emit(IrOp::UNBOXF, IrType::Flt, xv);
  IrRef v = b.sload(2);
  IrRef nv = b.sload(3);
  b.emit(IrOp::GFLT, IrType::Void, nv, kNoRef, 0, s0);
  IrRef odd_nan = b.emit(IrOp::UNBOXF, IrType::Flt, nv);
  std::vector<IrRef> live = {i, x, v, odd_nan, b.emit(IrOp::FADD, IrType::Flt, odd_nan, b.kflt(1.0))};
  for (int k = 0; k < 12; k++) {
    IrRef n = b.emit(IrOp::ADD, IrType::Int, i, b.kint(k * k * 37 - 1500));
    live.push_back(n);
    live.push_back(b.emit(IrOp::LT, IrType::Bool, n, b.kint(0)));
    if (k % 3 == 0) live.push_back(b.emit(IrOp::BOXI, IrType::Val, n));
  }
  for (int k = 0; k < 16; k++) live.push_back(b.emit(IrOp::FMUL, IrType::Flt, x, b.kflt(k - 7.5)));
  live.push_back(b.kint(-7));
  live.push_back(b.kint(Value::kSmallIntMax));
  live.push_back(b.kflt(std::bit_cast<double>(kOddNanBits)));
  live.push_back(b.kflt(1.25));
  live.push_back(b.kflt(0.0));
  live.push_back(b.kint(1, IrType::Bool));
  live.push_back(b.kval(Value::none()));
  std::vector<SnapEntry> entries;
  for (IrRef r : live) entries.push_back({kFirstOut + static_cast<uint32_t>(entries.size()), r});
  *nslots = kFirstOut + static_cast<uint32_t>(entries.size()) + 3;
  b.exit_always(b.snap(entries, *nslots));
  return b.t;
}

TEST_F(LinkExit, BlockBoxesExactlyAsRestoreSnapshotThenJumps) {
  FrameVm fv;
  ASSERT_NE(fv.frame, nullptr);
  uint32_t nslots = 0;
  Trace parent = many_values_trace(3, &nslots);
  compile(parent);
  Trace side = exiting_trace(4);
  compile(side);

  // Every type from every kind of location reaches the exit.
  std::set<std::pair<IrType, Loc::Kind>> seen;
  const Snapshot& s = parent.snaps[1];
  for (uint32_t k = 0; k < s.count; k++) {
    IrRef r = parent.snap_entries[s.first + k].ref;
    seen.insert({parent.ir[r].type, parent.locs[r].kind});
  }
  const std::pair<IrType, Loc::Kind> wanted[] = {
      {IrType::Int, Loc::kGpr},   {IrType::Int, Loc::kSpill},  {IrType::Int, Loc::kConst},
      {IrType::Flt, Loc::kXmm},   {IrType::Flt, Loc::kSpill},  {IrType::Flt, Loc::kConst},
      {IrType::Bool, Loc::kGpr},  {IrType::Bool, Loc::kSpill}, {IrType::Bool, Loc::kConst},
      {IrType::Val, Loc::kGpr},   {IrType::Val, Loc::kSpill},  {IrType::Val, Loc::kConst}};
  for (const auto& want : wanted)
    EXPECT_TRUE(seen.count(want)) << ir_type_name(want.first) << " in location kind " << int(want.second);

  auto reset_frame = [&] {
    Value* base = fv.base();
    base[0] = Value::small_int(1000);
    base[1] = Value::from_double(0.5);
    base[2] = Value::none();
    base[3] = Value::from_bits(kOddNanBits);  // top 16 bits 0xFFF0: a double to GFLT
    for (uint32_t k = 4; k < nslots + 4; k++) base[k] = Value::small_int(-1);
    fv.vm.sp = fv.vm.stack;
    fv.frame->pc = fv.frame->code->code();
  };

  // Slow path: the exit handler and restore_snapshot.
  reset_frame();
  Activation act = fv.activation(&parent, exit_restoring);
  EXPECT_EQ(tramp_.enter(&act, fv.base(), parent.mcode), exit_number(3, 1));
  std::vector<Value> slow(fv.base(), fv.base() + nslots + 4);
  EXPECT_EQ(fv.vm.sp, fv.base() + nslots);
  EXPECT_EQ(slow[kFirstOut + 3].bits(), kNegativeNan);  // odd_nan (its sign kept)
  EXPECT_EQ(slow[kFirstOut + 4].bits(), kNegativeNan);  // odd_nan + 1.0
  EXPECT_EQ(slow[kFirstOut].bits(), Value::small_int(1000).bits());

  // Fast path: the stub jumps to the block, the block to the side trace,
  // which exits through its own stub without touching the frame.
  std::string why;
  ASSERT_TRUE(link_exit(parent, 1, side, mem_, &fv.vm.sp, nullptr, &why)) << why;
  EXPECT_NE(stub_target(parent, 1), tramp_.exit_handler);
  EXPECT_TRUE(mem_.contains(stub_target(parent, 1)));
  EXPECT_EQ(stub_target(parent, 0), tramp_.exit_handler);  // other exits unchanged
  reset_frame();
  act = fv.activation(&side, exit_plain);
  EXPECT_EQ(tramp_.enter(&act, fv.base(), parent.mcode), exit_number(4, 0));
  for (uint32_t k = 0; k < nslots + 4; k++)
    EXPECT_EQ(fv.base()[k].bits(), slow[k].bits()) << "slot " << k;
  EXPECT_EQ(fv.vm.sp, fv.base() + nslots);
  EXPECT_EQ(fv.frame->pc, fv.frame->code->code());  // left to restore_snapshot

  // Guards before the linked exit still take their own (slow) exit.
  reset_frame();
  fv.base()[0] = Value::from_double(1.0);  // GINT fails: snapshot 0
  act = fv.activation(&parent, exit_restoring);
  EXPECT_EQ(tramp_.enter(&act, fv.base(), parent.mcode), exit_number(3, 0));
}

TEST_F(LinkExit, LinkedExitFromALoopRunsManyTimes) {
  // Root: i += 1 while i < limit, the loop's exit linked to a side trace that
  // stores 1000 + i's last value into slot 1 (proves it read the slot the
  // block stored) and exits.
  FrameVm fv;
  ASSERT_NE(fv.frame, nullptr);
  Builder r(5);
  uint32_t s0 = r.snap({}, 2);
  IrRef iv = r.sload(0);
  r.emit(IrOp::GINT, IrType::Void, iv, kNoRef, 0, s0);
  IrRef i = r.emit(IrOp::UNBOXI, IrType::Int, iv);
  IrRef i2 = r.emit(IrOp::ADDOV, IrType::Int, i, r.kint(1), 0, s0);
  uint32_t s1 = r.snap({{0, i2}}, 2);
  r.emit(IrOp::GTRUE, IrType::Void, r.emit(IrOp::LT, IrType::Bool, i2, r.kint(500)), kNoRef, 0, s1);
  r.emit(IrOp::SSTORE, IrType::Void, r.emit(IrOp::BOXI, IrType::Val, i2), kNoRef, 0);
  r.emit(IrOp::LOOP, IrType::Void);
  compile(r.t);
  Builder sd(6);
  uint32_t t0 = sd.snap({}, 2);
  IrRef sv = sd.sload(0);
  sd.emit(IrOp::GINT, IrType::Void, sv, kNoRef, 0, t0);
  IrRef plus = sd.emit(IrOp::ADD, IrType::Int, sd.emit(IrOp::UNBOXI, IrType::Int, sv), sd.kint(1000));
  sd.emit(IrOp::SSTORE, IrType::Void, sd.emit(IrOp::BOXI, IrType::Val, plus), kNoRef, 1);
  sd.exit_always(sd.snap({}, 2));
  compile(sd.t);
  std::string why;
  ASSERT_TRUE(link_exit(r.t, s1, sd.t, mem_, &fv.vm.sp, nullptr, &why)) << why;
  for (int64_t start : {0, 250, 499}) {
    fv.base()[0] = Value::small_int(start);
    fv.base()[1] = Value::none();
    Activation act = fv.activation(&sd.t, exit_plain);
    EXPECT_EQ(tramp_.enter(&act, fv.base(), r.t.mcode), exit_number(6, 1));
    EXPECT_EQ(fv.base()[0], Value::small_int(500));
    EXPECT_EQ(fv.base()[1], Value::small_int(1500));
  }
}

TEST_F(LinkExit, RefusesWhatItCannotBoxAndPatchesNothing) {
  Builder b(7);
  IrRef p = b.emit(IrOp::KPTR, IrType::Ptr, kNoRef, kNoRef, 0x1234);
  IrRef q = b.emit(IrOp::ADD, IrType::Ptr, p, p);  // a Ptr in a register
  b.exit_always(b.snap({{0, q}}, 1));
  compile(b.t);
  Trace side = exiting_trace(8);
  compile(side);
  size_t used = mem_.used();
  std::string why;
  EXPECT_FALSE(link_exit(b.t, 0, side, mem_, nullptr, nullptr, &why));
  EXPECT_NE(why.find("type"), std::string::npos) << why;
  EXPECT_EQ(stub_target(b.t, 0), tramp_.exit_handler);
  EXPECT_EQ(mem_.used(), used);
  why.clear();
  EXPECT_FALSE(link_exit(b.t, 5, side, mem_, nullptr, nullptr, &why));  // no such exit
  EXPECT_FALSE(why.empty());
}

TEST_F(LinkExit, LinksExitsInsideInlinedFramesAndTargetsThatInline) {
  // Inlined frames stay virtual across a link (the target's snapshots carry
  // them); room for the deepest inlining is checked at root-trace entry
  // (Jit::fits), so neither an exit inside inlined frames nor a target that
  // inlines calls needs the slow path.
  Builder b(9);
  b.exit_always(b.snap({}, 1));
  compile(b.t);
  Trace side = exiting_trace(10);
  compile(side);
  std::string why;
  b.t.snaps[0].nframes = 1;
  side.max_depth = 2;
  EXPECT_TRUE(link_exit(b.t, 0, side, mem_, nullptr, nullptr, &why)) << why;
  // An empty snapshot and no vm.sp: the block is a lone jmp rel32 to the target.
  const uint8_t* block = stub_target(b.t, 0);
  ASSERT_EQ(block[0], 0xE9);
  int32_t rel;
  std::memcpy(&rel, block + 1, 4);
  EXPECT_EQ(block + 5 + rel, side.mcode);
}

// -- End to end through the Engine -----------------------------------------------------

struct RunResult {
  int status = -1;
  std::string out, err;
};

RunResult run_py(const std::string& source, const Options& options) {
  RunResult r;
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  {
    Engine engine(options);
    r.status = engine.run_main(source, "<test>", {"<test>"}, SourceKind::String);
  }  // the engine's destructor flushes stdout and prints --jit-stats
  r.out = testing::internal::GetCapturedStdout();
  r.err = testing::internal::GetCapturedStderr();
  return r;
}

Options jit_options(bool gc_stress) {
  Options o;
  o.jit_params = "hotloop=2,hotexit=2";
  o.jit_verbose = true;
  o.gc_stress = gc_stress;
  return o;
}

Options interp_options(bool gc_stress) {
  Options o;
  o.jit = false;
  o.gc_stress = gc_stress;
  return o;
}

// Branches that flip (side traces on exits of every type: Int, Flt incl. NaN,
// Bool, Val) and nested loops (the inner loop's end links to the outer loop).
constexpr const char* kFlippingBranches = R"PY(
def f(n):
    total = 0
    fl = 0.0
    flags = 0
    nanv = float('inf') - float('inf')
    w = 0.0
    for i in range(n):
        even = i % 2 == 0
        w = nanv * i
        if i % 3 == 0:
            total += i
            fl += 0.5
            if even:
                flags = flags + 1
        else:
            total -= 1
            fl = fl * 1.5 - fl
    return total, fl, flags, w, even
print(f(5000))
j = 0
acc = 0
while j < 300:
    k = 0
    while k < 5:
        acc += k * j
        k += 1
    j += 1
print(acc)
)PY";

TEST(FastExitEndToEnd, SideTracesAreLinkedAndOutputMatches) {
  const std::string want = "(4162500, 0.33333333333333337, 834, nan, False)\n448500\n";
  RunResult plain = run_py(kFlippingBranches, interp_options(false));
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out, want);
  RunResult jit = run_py(kFlippingBranches, jit_options(false));
  EXPECT_EQ(jit.status, 0) << jit.err;
  EXPECT_EQ(jit.out, want);
  EXPECT_NE(jit.err.find("side trace of trace"), std::string::npos) << jit.err;
  EXPECT_NE(jit.err.find(": linked to trace"), std::string::npos) << jit.err;
}

// Range objects made by the trace (range_new) and held only by it, in
// spill slots named by stack maps, across list.append and range_new calls
// that collect at every allocation; the branch flips, so the side trace's
// exit is linked and taken with those references live.
constexpr const char* kAppendUnderStress = R"PY(
def h(n):
    out = []
    for i in range(n):
        r = range(i % 7)
        if i % 3 == 0:
            out.append(r)
            out.append(range(i, i + 3))
            out.append(r)
        else:
            out.append(range(i % 5, i))
    return out
o = h(90)
print(len(o), sum([sum(list(x)) for x in o]), o[-1])
)PY";

TEST(FastExitEndToEnd, TraceHeldReferencesSurviveGcStress) {
  const std::string want = "150 83806 range(4, 89)\n";
  RunResult plain = run_py(kAppendUnderStress, interp_options(true));
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out, want);
  RunResult jit = run_py(kAppendUnderStress, jit_options(true));
  EXPECT_EQ(jit.status, 0) << jit.err;
  EXPECT_EQ(jit.out, want);
  EXPECT_NE(jit.err.find("side trace of trace"), std::string::npos) << jit.err;
  EXPECT_NE(jit.err.find(": linked to trace"), std::string::npos) << jit.err;
}

// Known bug, not in the fast exits (it happens with linking off too): an
// outer loop's trace makes the inner loop's range iterator and JTRACEs into
// the inner loop's trace with that iterator in an operand-stack slot above
// vm.sp (vm.sp stays at the depth the outer trace was entered at). The GC
// scans the VM stack only up to vm.sp, so the inner trace's list.append
// frees the iterator under --gc-stress, and the interpreter later crashes in
// iter_next. JTRACE needs to set vm.sp to its target's entry depth, as
// link_exit's blocks do. Enable once fixed.
constexpr const char* kNestedLoopsUnderStress = R"PY(
def g(n):
    out = []
    for i in range(n):
        for j in range(3):
            out.append(j + i)
        if i % 2 == 0:
            out.append(i)
        else:
            out.append(-i)
    return out
r = g(40)
print(len(r), sum(r), r[-5:])
)PY";

TEST(FastExitEndToEnd, JtraceKeepsInnerIteratorAliveUnderGcStress) {
  RunResult jit = run_py(kNestedLoopsUnderStress, jit_options(true));
  EXPECT_EQ(jit.status, 0) << jit.err;
  EXPECT_EQ(jit.out, "160 2440 [38, 39, 40, 41, -39]\n");
}

}  // namespace
}  // namespace contrail::jit
