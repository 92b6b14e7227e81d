// jit/abi.h -- The contract between compiled traces, the entry trampoline, the
// shared exit handler (jit/trampoline.cpp, generated with xbyak) and the C++
// side of the JIT: register conventions and the Activation record.
// Register conventions inside a trace:
//   r12 = kBase: the anchor frame's locals (Value*); slot i is [r12 + 8*i]
//   r13 = kAct:  the current Activation*
//   rsp = the spill area base (16-byte aligned; spill slot i is [rsp + 8*i]);
//         traces never push or pop except through `call`, so rsp stays there
//   rax, rcx, rdx, r11 and xmm0, xmm1 are scratch for the code generator;
//   rbx, rbp, rsi, rdi, r8, r9, r10, r14, r15 and xmm2..xmm15 are allocatable.
//   Helper calls follow the System V ABI: caller-saved registers (everything
//   but rbx, rbp, r12..r15) are clobbered.
// Invariants:
//  - The trampoline saves and restores every callee-saved register, so a trace
//    may use rbx, rbp, r14, r15 freely.
//  - Each exit stub stores its snapshot number into Activation::exit_snap and
//    jumps to the exit handler; the exit handler stores every general and xmm
//    register into Activation::regs (with rsp still at the spill base), then
//    calls Activation::exit_fn(act). A null result returns from the trampoline;
//    otherwise it reloads r12 from Activation::base (exit_fn may re-anchor the
//    activation), restores every other register from Activation::regs (a side
//    trace that inherits its parent's values finds them where the parent left
//    them) and jumps to the returned address (a trace entry) with r13 and rsp
//    unchanged.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/frame.h"

namespace contrail::runtime {
class Vm;
}  // namespace contrail::runtime

namespace contrail::jit {

struct Trace;

// x86-64 register numbers (encoding order).
enum Gpr : uint8_t { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };
inline constexpr uint8_t kBase = R12;
inline constexpr uint8_t kAct = R13;

// Spill area reserved by the trampoline for every trace activation.
inline constexpr uint32_t kMaxSpillSlots = 512;

struct ExitRegs {
  uint64_t gpr[16];  // by Gpr number (gpr[RSP] is unused)
  uint64_t xmm[16];  // low 64 bits of each xmm register
};

struct Activation;
using ExitFn = const void* (*)(Activation* act);

struct Activation {
  ExitRegs regs;             // offset 0: filled by the exit handler
  uint8_t* spill_base;       // set by the trampoline
  uint32_t exit_snap;        // set by the exit stub
  uint32_t callsite;         // set by the trace before each GC-capable helper call
  ExitFn exit_fn;            // called by the exit handler
  Trace* trace;              // the trace currently running (exit stubs belong to it)
  runtime::Vm* vm;
  runtime::Value* base;      // == r12
  Activation* prev;          // enclosing activation (a helper re-entered the interpreter)
  const void* next = nullptr;  // set by the exit handler: the trace entry it continues in
  runtime::Frame* frame;     // the anchor frame (base == frame->locals); inlined frames go above it.
                             // A trace may move it: RETF (down to the caller), an exit linked
                             // into a trace anchored in an inlined frame (up); base follows.
};

inline constexpr size_t kActRegsOffset = offsetof(Activation, regs);
inline constexpr size_t kActSpillBaseOffset = offsetof(Activation, spill_base);
inline constexpr size_t kActExitSnapOffset = offsetof(Activation, exit_snap);
inline constexpr size_t kActCallsiteOffset = offsetof(Activation, callsite);
inline constexpr size_t kActExitFnOffset = offsetof(Activation, exit_fn);
inline constexpr size_t kActBaseOffset = offsetof(Activation, base);
inline constexpr size_t kActFrameOffset = offsetof(Activation, frame);
inline constexpr size_t kActNextOffset = offsetof(Activation, next);

// Interpreter frame fields that RETF reads (runtime/frame.h: frames are
// contiguous, so the caller of frame f is f - 1).
inline constexpr size_t kFrameSize = sizeof(runtime::Frame);
inline constexpr size_t kFrameCodeOffset = offsetof(runtime::Frame, code);
inline constexpr size_t kFrameGlobalsOffset = offsetof(runtime::Frame, globals);
inline constexpr size_t kFrameLocalsOffset = offsetof(runtime::Frame, locals);
inline constexpr size_t kFramePcOffset = offsetof(runtime::Frame, pc);
inline constexpr size_t kFrameResultSlotOffset = offsetof(runtime::Frame, result_slot);
inline constexpr size_t kFrameIsEntryOffset = offsetof(runtime::Frame, is_entry);
inline constexpr size_t kFrameIsInitOffset = offsetof(runtime::Frame, is_init);
inline constexpr size_t kFrameGenOffset = offsetof(runtime::Frame, gen);

// Enters a trace: saves callee-saved registers, reserves the spill area,
// sets r12 = base, r13 = act, act->spill_base = rsp, jumps to code. Returns
// (after an exit whose exit_fn returned null) act->exit_snap.
using EnterFn = uint32_t (*)(Activation* act, runtime::Value* base, const void* code);

}  // namespace contrail::jit
