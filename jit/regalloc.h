// jit/regalloc.h -- Linear-scan register allocation over a trace's linear IR.
// Invariants:
//  - Every value gets ONE location for its whole life (no live-range
//    splitting): a GPR (Int, Bool, Val, Ptr), an XMM (Flt), a spill slot, or
//    kConst for K* constants (materialised at each use). Void ins get kNone.
//  - A live range is [def, last use]; a use is an operand, a CALL argument, or
//    an entry of a guard's snapshot (the exit handler reads it in place). No
//    value is live across LOOP/JTRACE.
//  - The destination of an instruction never shares a location with a value
//    live at that instruction (operands included), so code generation may
//    write the destination before it has read every operand.
//  - Across a CALL (defined before it, used after it): GPR values sit in
//    callee-saved registers (rbx, rbp, r14, r15) or spill slots, Flt values in
//    spill slots, and Val values across a GC-capable CALL in spill slots (the
//    CALL's StackMap lists them).
//  - When a trace has CALLs, spill slots [0, kCallStageSlots) are reserved for
//    staging call arguments and never hold values.
// Depends on jit/trace.h and jit/abi.h only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jit/abi.h"
#include "jit/trace.h"

namespace contrail::jit {

// Allocatable registers, in order of preference (abi.h). Values that cross a
// CALL may only use kCalleeSavedGprs.
inline constexpr uint8_t kAllocGprs[] = {RSI, RDI, R8, R9, R10, RBX, RBP, R14, R15};
inline constexpr uint8_t kCalleeSavedGprs[] = {RBX, RBP, R14, R15};
inline constexpr uint8_t kFirstAllocXmm = 2, kLastAllocXmm = 15;
// Spill slots reserved at the bottom of the spill area for call staging.
inline constexpr uint32_t kCallStageSlots = 6;

// Facts the code generator needs besides Trace::locs.
struct RegAllocInfo {
  std::vector<uint32_t> last_use;  // per ref: last position that uses it (== ref if unused)
  std::vector<int32_t> callsite;   // per ref: callsite of a GC-capable CALL, else -1
  bool has_calls = false;          // spill slots [0, kCallStageSlots) are staging slots
};

// Last use of every ref in [t] (operands, CALL args, snapshot entries of
// guards); NOPs neither define nor use anything.
std::vector<uint32_t> compute_last_uses(const Trace& t);

// Allocates locations for every value of [t]: fills t.locs, t.spill_slots and
// t.stackmaps, and [info]. Returns false with a reason in *[why] when the
// spill area (kMaxSpillSlots) overflows.
bool allocate_registers(Trace& t, RegAllocInfo* info, std::string* why);

// True when values of type [type] live in XMM registers.
inline bool is_xmm_type(IrType type) { return type == IrType::Flt; }

}  // namespace contrail::jit
