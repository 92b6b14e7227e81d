// tests/unit/jit_mcode_test.cpp -- CodeMemory (commit, patch, reset, W^X) and
// the trampolines (enter, exit handler, continuation) run end to end on
// hand-made "traces" assembled with xbyak.
// Invariants checked: no mapping of the process is ever rwx; committed code
// runs; enter preserves every callee-saved register and returns exit_snap;
// the exit handler hands exit_fn every register as the trace left it.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xbyak/xbyak.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "jit/abi.h"
#include "jit/mcode.h"
#include "jit/trampoline.h"
#include "runtime/value.h"

namespace contrail::jit {
namespace {

using runtime::Value;

const uint8_t kRet42[] = {0xB8, 42, 0, 0, 0, 0xC3};  // mov eax, 42; ret
const uint8_t kRet43[] = {0xB8, 43, 0, 0, 0, 0xC3};  // mov eax, 43; ret

size_t page() { return static_cast<size_t>(sysconf(_SC_PAGESIZE)); }

int call_int(const void* code) {
  return reinterpret_cast<int (*)()>(const_cast<void*>(code))();
}

// The perms column ("r-xp", ...) of every line of /proc/self/maps.
struct Mapping {
  uintptr_t lo, hi;
  std::string perms;
};
std::vector<Mapping> read_maps() {
  std::vector<Mapping> maps;
  std::ifstream in("/proc/self/maps");
  std::string line;
  while (std::getline(in, line)) {
    Mapping m{};
    char perms[8] = {};
    unsigned long lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx %7s", &lo, &hi, perms) != 3) continue;
    m.lo = lo;
    m.hi = hi;
    m.perms = perms;
    maps.push_back(m);
  }
  return maps;
}

std::string perms_at(const void* p) {
  auto a = reinterpret_cast<uintptr_t>(p);
  for (const Mapping& m : read_maps())
    if (a >= m.lo && a < m.hi) return m.perms;
  return "unmapped";
}

void expect_no_rwx() {
  std::vector<Mapping> maps = read_maps();
  ASSERT_FALSE(maps.empty());
  for (const Mapping& m : maps)
    EXPECT_NE(m.perms.substr(0, 3), "rwx") << std::hex << m.lo << "-" << m.hi;
}

// -- CodeMemory ---------------------------------------------------------------

TEST(CodeMemory, CommitAndCall) {
  CodeMemory mem(1 << 16);
  uint8_t* at = mem.commit(kRet42, sizeof kRet42);
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(at) % 16, 0u);
  EXPECT_EQ(call_int(at), 42);
  EXPECT_TRUE(mem.contains(at));
  EXPECT_TRUE(mem.contains(at + sizeof kRet42 - 1));
  EXPECT_FALSE(mem.contains(at + sizeof kRet42));
  EXPECT_FALSE(mem.contains(kRet42));
}

TEST(CodeMemory, PatchAndCallAgain) {
  CodeMemory mem(1 << 16);
  uint8_t* at = mem.commit(kRet42, sizeof kRet42);
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(call_int(at), 42);
  uint32_t imm = 1234;
  mem.patch(at + 1, &imm, sizeof imm);
  EXPECT_EQ(call_int(at), 1234);
  EXPECT_EQ(perms_at(at), "r-xp");
}

TEST(CodeMemory, NeverWritableAndExecutable) {
  CodeMemory mem(1 << 20);
  uint8_t* a = mem.commit(kRet42, sizeof kRet42);
  ASSERT_NE(a, nullptr);
  expect_no_rwx();
  // A block straddling a page boundary, then a patch across it.
  std::vector<uint8_t> big(page() + 100, 0x90);
  big.back() = 0xC3;
  uint8_t* b = mem.commit(big.data(), big.size());
  ASSERT_NE(b, nullptr);
  expect_no_rwx();
  uint8_t nops[32];
  std::memset(nops, 0x90, sizeof nops);
  size_t cross = page() - static_cast<size_t>(reinterpret_cast<uintptr_t>(b) % page()) - 16;
  mem.patch(b + cross, nops, sizeof nops);
  expect_no_rwx();
  EXPECT_EQ(call_int(a), 42);
  call_int(b);  // nops, ret
  EXPECT_EQ(perms_at(a), "r-xp");
  EXPECT_EQ(perms_at(b + big.size() - 1), "r-xp");
  EXPECT_EQ(perms_at(a + (1 << 20) - 1), "---p");  // reserved, never used
  Trampolines t = make_trampolines(mem);
  ASSERT_NE(t.enter, nullptr);
  expect_no_rwx();
}

TEST(CodeMemory, CapacityRoundsToPages) {
  EXPECT_EQ(CodeMemory(100).capacity(), page());
  EXPECT_EQ(CodeMemory(page()).capacity(), page());
  EXPECT_EQ(CodeMemory(page() + 1).capacity(), 2 * page());
  CodeMemory none(0);
  EXPECT_EQ(none.capacity(), 0u);
  EXPECT_EQ(none.next(1), nullptr);
  EXPECT_EQ(none.commit(kRet42, sizeof kRet42), nullptr);
  EXPECT_FALSE(none.contains(kRet42));
}

TEST(CodeMemory, NullWhenFull) {
  CodeMemory mem(page());
  uint8_t* a = mem.commit(kRet42, sizeof kRet42);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(mem.next(page() - 16), a + 16);
  EXPECT_EQ(mem.next(page() - 15), nullptr);
  EXPECT_EQ(mem.next(SIZE_MAX), nullptr);
  std::vector<uint8_t> fill(page() - 15, 0xCC);
  EXPECT_EQ(mem.commit(fill.data(), fill.size()), nullptr);
  EXPECT_EQ(mem.used(), sizeof kRet42);  // a failed commit changes nothing
  EXPECT_EQ(mem.commit(fill.data(), fill.size() - 1), a + 16);
  EXPECT_EQ(mem.used(), page());
  EXPECT_EQ(mem.next(1), nullptr);
  EXPECT_EQ(mem.commit(kRet43, sizeof kRet43), nullptr);
  EXPECT_EQ(call_int(a), 42);
}

TEST(CodeMemory, ResetReusesSpace) {
  CodeMemory mem(4 * page());
  uint8_t* a = mem.commit(kRet42, sizeof kRet42);
  ASSERT_NE(a, nullptr);
  size_t keep = mem.used();
  std::vector<uint8_t> big(2 * page(), 0xC3);
  uint8_t* b = mem.commit(big.data(), big.size());
  ASSERT_EQ(b, a + 16);
  EXPECT_EQ(perms_at(a + 2 * page()), "r-xp");
  EXPECT_EQ(mem.next(2 * page()), nullptr);

  mem.reset(keep);
  EXPECT_EQ(mem.used(), keep);
  EXPECT_EQ(perms_at(a), "r-xp");  // the page shared with kept code
  EXPECT_EQ(perms_at(a + page()), "---p");
  EXPECT_EQ(perms_at(a + 2 * page()), "---p");
  EXPECT_EQ(b[8], 0xCC);  // forgotten tail of the kept page traps
  EXPECT_FALSE(mem.contains(b));
  EXPECT_EQ(call_int(a), 42);

  EXPECT_EQ(mem.next(sizeof kRet43), b);
  uint8_t* c = mem.commit(kRet43, sizeof kRet43);
  EXPECT_EQ(c, b);
  EXPECT_EQ(call_int(c), 43);
  EXPECT_NE(mem.next(2 * page()), nullptr);
  // The freed pages come back zeroed (MADV_DONTNEED) and usable.
  uint8_t* d = mem.commit(big.data(), big.size());
  ASSERT_NE(d, nullptr);
  call_int(d + page() + 5);  // a ret on a page that was given back and reused
  expect_no_rwx();

  mem.reset(0);
  EXPECT_EQ(mem.used(), 0u);
  EXPECT_EQ(perms_at(a), "---p");
  EXPECT_EQ(mem.commit(kRet43, sizeof kRet43), a);
  EXPECT_EQ(call_int(a), 43);
}

// -- Trampolines -------------------------------------------------------------

uint64_t gpr_pattern(int i) { return 0xC0DE000000001234ull | (uint64_t(i) << 24); }
uint64_t xmm_pattern(int i) { return 0x4045000000000000ull + uint64_t(i) * 0x1111; }

// A trace assembled into a plain buffer (xbyak never protects it) and then
// committed; it ends in `jmp exit_handler` as a rel32 from where it lands.
class TraceGen : public Xbyak::CodeGenerator {
 public:
  TraceGen() : CodeGenerator(sizeof buf_, buf_) {}

  // `mov dword [act + exit_snap], snap; jmp exit_handler`, then commit.
  const uint8_t* exit_and_commit(CodeMemory& mem, uint32_t snap, const uint8_t* exit_handler) {
    mov(dword[r13 + kActExitSnapOffset], snap);
    size_t size = getSize() + 5;
    uint8_t* dest = mem.next(size);
    if (dest == nullptr) return nullptr;
    int64_t rel = exit_handler - (dest + size);
    EXPECT_TRUE(rel == int32_t(rel));
    db(0xE9);
    dd(static_cast<uint32_t>(static_cast<int32_t>(rel)));
    uint8_t* at = mem.commit(getCode(), getSize());
    EXPECT_EQ(at, dest);
    return at;
  }

 private:
  alignas(16) uint8_t buf_[4096];
};

// base[2] = base[1] + 1; base[3] = rsp; base[4] = round trip through the
// last spill slot; then every allocatable/scratch register gets a pattern.
const uint8_t* make_trace1(CodeMemory& mem, const Trampolines& t) {
  TraceGen g;
  g.mov(g.rax, g.qword[g.r12 + 8]);
  g.add(g.rax, 1);
  g.mov(g.qword[g.r12 + 16], g.rax);
  g.mov(g.qword[g.r12 + 24], g.rsp);
  g.mov(g.qword[g.rsp + 8 * (kMaxSpillSlots - 1)], g.rax);
  g.mov(g.qword[g.rsp], g.rax);
  g.mov(g.rcx, g.qword[g.rsp + 8 * (kMaxSpillSlots - 1)]);
  g.mov(g.qword[g.r12 + 32], g.rcx);
  for (int i = 0; i < 16; ++i) {
    g.mov(g.rax, xmm_pattern(i));
    g.movq(Xbyak::Xmm(i), g.rax);
  }
  for (int i = 0; i < 16; ++i) {
    if (i == RSP || i == R12 || i == R13) continue;
    g.mov(Xbyak::Reg64(i), gpr_pattern(i));
  }
  return g.exit_and_commit(mem, 7, t.exit_handler);
}

// base[5] = base[2] * 10; clobbers the callee-saved registers a trace may use.
const uint8_t* make_trace2(CodeMemory& mem, const Trampolines& t) {
  TraceGen g;
  g.mov(g.rax, g.qword[g.r12 + 16]);
  g.imul(g.rax, g.rax, 10);
  g.mov(g.qword[g.r12 + 40], g.rax);
  g.mov(g.rbx, 1);
  g.mov(g.rbp, 2);
  g.mov(g.r14, 3);
  g.mov(g.r15, 4);
  return g.exit_and_commit(mem, 9, t.exit_handler);
}

// What record_exit saw, per call.
struct ExitSeen {
  uint32_t snap;
  ExitRegs regs;
  bool called_at_spill_base;
  Value* base;
};
struct ExitLog {
  std::vector<ExitSeen> seen;
  const void* continue_to = nullptr;  // returned once, then null
};
ExitLog g_log;

const void* record_exit(Activation* act) {
  ExitSeen s{};
  s.snap = act->exit_snap;
  s.regs = act->regs;
  // The handler's `call` ran with rsp == spill base: the return address sits
  // right below it.
  void* const* ret_slot = reinterpret_cast<void* const*>(act->spill_base) - 1;
  s.called_at_spill_base = *ret_slot == __builtin_return_address(0);
  s.base = reinterpret_cast<Value*>(act->regs.gpr[R12]);
  g_log.seen.push_back(s);
  const void* next = g_log.continue_to;
  g_log.continue_to = nullptr;
  return next;
}

// uint64_t checked(Activation*, Value*, const void* code, EnterFn enter):
// calls enter with known values in every callee-saved register and returns
// exit_snap | (mask of clobbered registers << 32) (bit 6: rsp moved).
const uint8_t* make_checked_caller(CodeMemory& mem) {
  struct Gen : Xbyak::CodeGenerator {
    alignas(16) uint8_t buf[1024];
    Gen() : CodeGenerator(sizeof buf, buf) {
      const Xbyak::Reg64 saved[] = {rbx, rbp, r12, r13, r14, r15};
      for (const auto& r : saved) push(r);
      sub(rsp, 8);  // 16-byte aligned at the call
      mov(qword[rsp], rsp);
      for (int j = 0; j < 6; ++j) mov(saved[j], 0x5A5A000000000000ull + uint64_t(j));
      call(rcx);
      mov(eax, eax);
      xor_(ecx, ecx);
      for (int j = 0; j < 6; ++j) {
        Xbyak::Label ok;
        mov(rdx, 0x5A5A000000000000ull + uint64_t(j));
        cmp(saved[j], rdx);
        je(ok);
        or_(ecx, 1 << j);
        L(ok);
      }
      Xbyak::Label rsp_ok;
      cmp(rsp, qword[rsp]);
      je(rsp_ok);
      or_(ecx, 1 << 6);
      L(rsp_ok);
      shl(rcx, 32);
      or_(rax, rcx);
      add(rsp, 8);
      for (int j = 5; j >= 0; --j) pop(saved[j]);
      ret();
    }
  } g;
  return mem.commit(g.getCode(), g.getSize());
}

using CheckedFn = uint64_t (*)(Activation*, Value*, const void*, EnterFn);

class TrampolineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_log = ExitLog{};
    tramp = make_trampolines(mem);
    ASSERT_NE(tramp.enter, nullptr);
    ASSERT_NE(tramp.exit_handler, nullptr);
    EXPECT_TRUE(mem.contains(reinterpret_cast<const void*>(tramp.enter)));
    EXPECT_TRUE(mem.contains(tramp.exit_handler));
    trace1 = make_trace1(mem, tramp);
    trace2 = make_trace2(mem, tramp);
    ASSERT_NE(trace1, nullptr);
    ASSERT_NE(trace2, nullptr);
    act.exit_fn = record_exit;
    act.base = slots;  // the exit handler reloads r12 from it before continuing in another trace
    for (int i = 0; i < 8; ++i) slots[i] = Value::small_int(100 + i);
  }

  CodeMemory mem{1 << 20};
  Trampolines tramp;
  const uint8_t* trace1 = nullptr;
  const uint8_t* trace2 = nullptr;
  Activation act{};
  Value slots[8];
};

TEST_F(TrampolineTest, EnterRunsTraceAndExits) {
  slots[1] = Value::from_bits(41);
  uint32_t snap = tramp.enter(&act, slots, trace1);
  EXPECT_EQ(snap, 7u);
  EXPECT_EQ(slots[2].bits(), 42u);
  EXPECT_EQ(slots[4].bits(), 42u);
  EXPECT_EQ(slots[3].bits(), reinterpret_cast<uint64_t>(act.spill_base));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(act.spill_base) % 16, 0u);
  EXPECT_EQ(slots[0].as_small_int(), 100);  // untouched slots stay
  ASSERT_EQ(g_log.seen.size(), 1u);
  const ExitSeen& s = g_log.seen[0];
  EXPECT_EQ(s.snap, 7u);
  EXPECT_TRUE(s.called_at_spill_base);
  EXPECT_EQ(s.base, slots);
  EXPECT_EQ(s.regs.gpr[RBX], 0xC0DE000000001234ull | (uint64_t(RBX) << 24));
  for (int i = 0; i < 16; ++i) {
    if (i == RSP) continue;
    uint64_t want = i == R12 ? reinterpret_cast<uint64_t>(slots)
                  : i == R13 ? reinterpret_cast<uint64_t>(&act)
                             : gpr_pattern(i);
    EXPECT_EQ(s.regs.gpr[i], want) << "gpr " << i;
    EXPECT_EQ(s.regs.xmm[i], xmm_pattern(i)) << "xmm " << i;
  }
}

TEST_F(TrampolineTest, ContinuesInAnotherTrace) {
  slots[1] = Value::from_bits(4);
  g_log.continue_to = trace2;
  uint32_t snap = tramp.enter(&act, slots, trace1);
  EXPECT_EQ(snap, 9u);
  EXPECT_EQ(slots[2].bits(), 5u);
  EXPECT_EQ(slots[5].bits(), 50u);
  ASSERT_EQ(g_log.seen.size(), 2u);
  EXPECT_EQ(g_log.seen[0].snap, 7u);
  EXPECT_EQ(g_log.seen[1].snap, 9u);
  EXPECT_TRUE(g_log.seen[1].called_at_spill_base);
  EXPECT_EQ(g_log.seen[1].base, slots);
  EXPECT_EQ(g_log.seen[1].regs.gpr[RBX], 1u);
  EXPECT_EQ(g_log.seen[1].regs.gpr[R13], reinterpret_cast<uint64_t>(&act));
}

TEST_F(TrampolineTest, PreservesCalleeSavedRegisters) {
  auto checked = reinterpret_cast<CheckedFn>(const_cast<uint8_t*>(make_checked_caller(mem)));
  ASSERT_NE(checked, nullptr);
  for (int i = 0; i < 3; ++i) {
    g_log.continue_to = i == 1 ? trace2 : nullptr;
    uint64_t r = checked(&act, slots, trace1, tramp.enter);
    EXPECT_EQ(r >> 32, 0u) << "clobbered mask, round " << i;
    EXPECT_EQ(uint32_t(r), i == 1 ? 9u : 7u);
  }
}

TEST_F(TrampolineTest, ManyEntriesFromCpp) {
  // Values live across the calls in whatever registers the compiler picks.
  uint64_t sum = 0, prod = 1, count = 0;
  double f = 0.5;
  for (uint64_t i = 0; i < 2000; ++i) {
    slots[1] = Value::from_bits(i);
    if (i % 100 == 3) g_log.continue_to = trace2;
    uint32_t snap = tramp.enter(&act, slots, trace1);
    ASSERT_EQ(snap, i % 100 == 3 ? 9u : 7u);
    ASSERT_EQ(slots[2].bits(), i + 1);
    if (snap == 9) {
      ASSERT_EQ(slots[5].bits(), (i + 1) * 10);
    }
    sum += slots[2].bits();
    prod = prod * 3 + i;
    f = f * 0.75 + double(i);
    ++count;
  }
  EXPECT_EQ(count, 2000u);
  EXPECT_EQ(sum, 2000u * 2001u / 2);
  uint64_t want_prod = 1;
  double want_f = 0.5;
  for (uint64_t i = 0; i < 2000; ++i) {
    want_prod = want_prod * 3 + i;
    want_f = want_f * 0.75 + double(i);
  }
  EXPECT_EQ(prod, want_prod);
  EXPECT_EQ(f, want_f);
  EXPECT_EQ(g_log.seen.size(), 2000u + 20u);
  expect_no_rwx();
}

}  // namespace
}  // namespace contrail::jit
