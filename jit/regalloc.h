// jit/regalloc.h -- Linear-scan register allocation over a trace's linear IR,
// and the sequential schedule of a peeled loop's PHI moves.
// Invariants:
//  - Every value gets ONE location for its whole life (no live-range
//    splitting): a GPR (Int, Bool, Val, Ptr), an XMM (Flt), a spill slot, or
//    kConst for K* constants (materialised at each use). Void ins get kNone.
//  - A live range is [def, last use]; a use is an operand (PHI's a and b
//    included), a CALL argument, or an entry of a guard's snapshot (the exit
//    handler reads it in place). No value is live across LOOP/JTRACE, except
//    in a peeled loop (jit/ir.h): a value defined before LOOPSTART and used
//    at or after it (PHI targets included) is live until the end of the
//    trace, because every iteration of the body uses it again. Values
//    defined after LOOPSTART die within one iteration; the PHI moves at LOOP
//    carry them into their PHI target's location.
//  - The destination of an instruction never shares a location with a value
//    live at that instruction (operands included), so code generation may
//    write the destination before it has read every operand. The one
//    exception is PHI coalescing: a PHI's source b defined in the loop body
//    after every use of its target a (other than the PHI; snapshot entries
//    count) takes a's register, and their LOOP move disappears. Otherwise
//    PHI targets and sources all sit in distinct places at LOOP.
//  - Across a CALL (defined before it, used after it): GPR values sit in
//    callee-saved registers (rbx, rbp, r14, r15) or spill slots, Flt values in
//    spill slots, and Val values across a GC-capable CALL in spill slots (the
//    CALL's StackMap lists them). A loop-carried value crosses every CALL of
//    the loop body.
//  - When a trace has CALLs, spill slots [0, kCallStageSlots) are reserved for
//    staging call arguments and never hold values.
//  - The PHI moves are scheduled here (RegAllocInfo::loop_moves) so that the
//    backend only emits them in order; the schedule breaks cycles through
//    kMoveScratchGpr / kMoveScratchXmm, which no value ever occupies.
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
// Scratch registers (never allocated, abi.h) that hold the value parked to
// break a cycle of PHI moves: rax for every non-Flt value, xmm0 for Flt.
inline constexpr uint8_t kMoveScratchGpr = RAX, kMoveScratchXmm = 0;

// One move of the PHI moves at LOOP: [dst] = [src].
struct LoopMove {
  Loc dst;          // kGpr, kXmm or kSpill
  Loc src;          // kGpr, kXmm, kSpill, or kConst (the payload is imm)
  int64_t imm = 0;  // src.kind == kConst: the constant's Ins::imm
  IrType type = IrType::Void;  // the moved value's type (picks the cycle scratch)
};

// Facts the code generator needs besides Trace::locs.
struct RegAllocInfo {
  std::vector<uint32_t> last_use;  // per ref: last position that uses it (== ref if unused)
  std::vector<int32_t> callsite;   // per ref: callsite of a GC-capable CALL, else -1
  bool has_calls = false;          // spill slots [0, kCallStageSlots) are staging slots
  IrRef loop_start = kNoRef;       // the LOOPSTART, if the trace is a peeled loop
  std::vector<LoopMove> loop_moves;  // the PHI moves, to run one after the other at LOOP
};

// Last use of every ref in [t] (operands, CALL args, snapshot entries of
// guards); NOPs neither define nor use anything. In a peeled loop, a value
// defined before LOOPSTART and used at or after it lasts to the last
// instruction.
std::vector<uint32_t> compute_last_uses(const Trace& t);

// Checks the shape of a peeled loop (jit/ir.h): at most one LOOPSTART; PHIs
// only after it, right before the final LOOP; each PHI's a non-constant,
// defined before LOOPSTART, the target of no other PHI, and of b's type.
// Returns false with a reason in *[why] otherwise.
bool check_loop_shape(const Trace& t, std::string* why);

// Turns the parallel moves [moves] (distinct destinations; a source may feed
// several) into a sequence with the same effect, parking one value per cycle
// in kMoveScratchGpr/kMoveScratchXmm. Moves whose source is their
// destination disappear.
std::vector<LoopMove> sequence_parallel_moves(std::vector<LoopMove> moves);

// Allocates locations for every value of [t]: fills t.locs, t.spill_slots and
// t.stackmaps, and [info] (the PHI moves included). Returns false with a
// reason in *[why] when the spill area (kMaxSpillSlots) overflows or the
// peeled loop is malformed (check_loop_shape).
bool allocate_registers(Trace& t, RegAllocInfo* info, std::string* why);

// True when values of type [type] live in XMM registers.
inline bool is_xmm_type(IrType type) { return type == IrType::Flt; }

// True when [x] and [y] are the same register or spill slot (constants and
// kNone are never a place).
inline bool same_place(const Loc& x, const Loc& y) {
  if (x.kind != y.kind) return false;
  if (x.kind == Loc::kSpill) return x.spill == y.spill;
  return (x.kind == Loc::kGpr || x.kind == Loc::kXmm) && x.reg == y.reg;
}

}  // namespace contrail::jit
