// jit/trampoline.cpp -- Generates the entry trampoline and the shared exit
// handler with xbyak and commits them to CodeMemory (conventions: jit/abi.h).
// Invariants:
//  - xbyak writes into a plain stack buffer it does not own (its USER_BUF
//    mode), so it never allocates or mprotects memory; CodeMemory::commit is
//    the only way the bytes become executable (W^X holds).
//  - The generated block is position independent: its only jumps are rel8/
//    rel32 to labels inside it, or through registers and memory.
//  - enter and the exit handler agree on one frame: six callee-saved pushes
//    plus kFrameBytes of spill area and padding, so rsp (the spill base) is
//    16-byte aligned inside traces and at the exit handler's call.
// Depends on jit/abi.h and jit/mcode.h only.
#include "jit/trampoline.h"

#include <xbyak/xbyak.h>

#include <cstddef>

namespace contrail::jit {

namespace {

constexpr size_t kPushedBytes = 8 + 6 * 8;  // return address + six pushes
constexpr size_t kSpillBytes = size_t{kMaxSpillSlots} * 8;
constexpr uint32_t kFrameBytes =
    static_cast<uint32_t>(kSpillBytes + (16 - (kPushedBytes + kSpillBytes) % 16) % 16);
static_assert((kPushedBytes + kFrameBytes) % 16 == 0, "spill base must be 16-byte aligned");

constexpr size_t kBufBytes = 1024;

size_t gpr_offset(int i) { return kActRegsOffset + offsetof(ExitRegs, gpr) + 8 * size_t(i); }
size_t xmm_offset(int i) { return kActRegsOffset + offsetof(ExitRegs, xmm) + 8 * size_t(i); }

class TrampolineGen : public Xbyak::CodeGenerator {
 public:
  // [buf] is a plain buffer: xbyak's USER_BUF mode never protects it.
  explicit TrampolineGen(uint8_t* buf) : CodeGenerator(kBufBytes, buf) {}

  // Emits enter at offset 0 and returns the exit handler's offset.
  size_t emit() {
    Xbyak::Label epilogue;
    emit_enter();
    L(epilogue);
    emit_epilogue();
    while (getSize() % 16 != 0) db(0xCC);  // int3: never executed
    size_t exit_handler = getSize();
    emit_exit_handler(epilogue);
    return exit_handler;
  }

 private:
  // enter(act = rdi, base = rsi, code = rdx).
  void emit_enter() {
    push(rbp);
    push(rbx);
    push(r12);
    push(r13);
    push(r14);
    push(r15);
    sub(rsp, kFrameBytes);
    mov(r13, rdi);
    mov(r12, rsi);
    mov(qword[r13 + kActSpillBaseOffset], rsp);
    jmp(rdx);
  }

  // Reached with rsp == spill base and r13 == act; returns act->exit_snap.
  void emit_epilogue() {
    mov(eax, dword[r13 + kActExitSnapOffset]);
    add(rsp, kFrameBytes);
    pop(r15);
    pop(r14);
    pop(r13);
    pop(r12);
    pop(rbx);
    pop(rbp);
    ret();
  }

  // Entered by jmp from an exit stub: rsp == spill base, r12/r13 intact.
  void emit_exit_handler(const Xbyak::Label& epilogue) {
    for (int i = 0; i < 16; ++i) mov(qword[r13 + gpr_offset(i)], Xbyak::Reg64(i));
    for (int i = 0; i < 16; ++i) movq(qword[r13 + xmm_offset(i)], Xbyak::Xmm(i));
    mov(rdi, r13);
    call(qword[r13 + kActExitFnOffset]);  // rsp is 16-byte aligned here
    // exit_fn preserved r13 and rsp (System V callee-saved).
    test(rax, rax);
    jz(epilogue, T_NEAR);
    // Continue in another trace with the registers of the exit (an
    // inheriting side trace reads its parent's values from them).
    mov(qword[r13 + kActNextOffset], rax);
    mov(r12, qword[r13 + kActBaseOffset]);  // exit_fn may have re-anchored the activation
    for (int i = 0; i < 16; ++i)
      if (i != 4 && i != 12 && i != 13) mov(Xbyak::Reg64(i), qword[r13 + gpr_offset(i)]);  // not rsp, r12, r13
    for (int i = 0; i < 16; ++i) movq(Xbyak::Xmm(i), qword[r13 + xmm_offset(i)]);
    jmp(qword[r13 + kActNextOffset]);
  }
};

}  // namespace

Trampolines make_trampolines(CodeMemory& mem) {
  alignas(16) uint8_t buf[kBufBytes];
  size_t exit_off = 0, size = 0;
  try {
    TrampolineGen gen(buf);
    exit_off = gen.emit();
    size = gen.getSize();
  } catch (const Xbyak::Error&) {
    return {};  // cannot happen for this fixed code; leaves the JIT off
  }
  uint8_t* at = mem.commit(buf, size);
  if (at == nullptr) return {};
  Trampolines t;
  t.enter = reinterpret_cast<EnterFn>(at);
  t.exit_handler = at + exit_off;
  return t;
}

}  // namespace contrail::jit
