// jit/opt.h -- The trace optimiser: the fold engine the recorder emits through
// (constant folding, algebraic simplification, CSE, redundant-guard removal),
// dead-code elimination after recording, and the --jit-dump IR listing.
// Invariants:
//  - Every pass keeps refs stable: instructions are only ever appended (fold)
//    or turned into NOP in place (DCE); nothing is renumbered, because
//    snapshots, CallDesc args and the backend's locs are indexed by ref.
//  - Folding never changes a value's IrType and never moves a guard's snap
//    to another guard: a guard is either emitted with its own snap, rewritten
//    in place into an equivalent guard with the same snap (GTRUE(NOT x) ->
//    GFALSE x), or dropped because it provably cannot fail here, or because
//    an earlier bounds guard (GBOUND) on the same length was widened to
//    imply it (opt_fold.cpp, "Bounds-check widening").
//  - Overflow checks the guards make redundant: after GTRUE(LT x y) (or an
//    equivalent), ADDOV x 1 cannot overflow when y is itself a small int
//    (x + 1 <= y <= max), nor SUBOV y 1 (y - 1 >= x >= min); after a bounds
//    check GTRUE(ULT x len), x + 1 <= len and x - 1 >= -1. They become
//    unchecked ADD/SUB (opt_fold.cpp, "Range facts").
//  - Bool constants are KINT instructions whose Ins::type is Bool (imm 0 or 1);
//    there is no separate KBOOL. emit_kbool() makes them.
// Depends on jit/ir.h, jit/trace.h and runtime/value.h only.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "jit/ir.h"
#include "jit/trace.h"
#include "runtime/value.h"

namespace contrail::jit {

// -- Fold engine ------------------------------------------------------------------

// The identity of an instruction for CSE: everything but its snap.
struct InsKey {
  IrOp op;
  IrType type;
  IrRef a, b, c;
  int64_t imm;
  bool operator==(const InsKey&) const = default;
};
struct InsKeyHash {
  size_t operator()(const InsKey& k) const;
};

// What the fold engine knows about the trace being recorded. One per trace:
// create it with the Trace, pass it to every fold_emit(), drop it when
// recording ends (it is meaningless after dce(), which rewrites instructions).
// Instructions appended with Trace::emit() directly are never CSE'd against,
// but fold_emit() notices their side effects (it scans whatever was appended
// behind its back), so mixing the two is safe, only less optimised.
struct FoldState {
  // Constants (interned), pure instructions and value-producing guards
  // (ADDOV..NEGOV: the earlier one dominates the trace) -> their ref.
  std::unordered_map<InsKey, IrRef, InsKeyHash> pure;
  // Loads still valid: a store forgets the loads of its alias class (and of
  // kAliasAny), a CALL those of every mutable class (Ins::alias, jit/ir.h).
  std::unordered_map<InsKey, IrRef, InsKeyHash> loads;
  // Store-to-load forwarding: the load a store makes redundant (its key) ->
  // the stored value and the store's alias class; forgotten like loads.
  std::unordered_map<InsKey, std::pair<IrRef, uint16_t>, InsKeyHash> stored;
  // Void guards already on the trace (op, a, imm): a repeat is redundant.
  std::unordered_set<InsKey, InsKeyHash> guards;
  // Length ref -> the one GBOUND on it (the earliest; later ones widen it).
  std::unordered_map<IrRef, IrRef> bounds;
  // Strict orders x < y that the int guards so far establish (GTRUE(LT x y)
  // and its equivalents). Forgotten at LOOPSTART: a peeled body's refs to
  // loop-carried values name the next iteration's values.
  std::vector<std::pair<IrRef, IrRef>> less;
  std::vector<IrRef> nonneg;  // x >= 0 (GTRUE(ULT x n)); forgotten likewise
  // Unchecked ADD/SUB that replaced an ADDOV/SUBOV the orders prove cannot
  // leave the small-int range (so their results are small ints too).
  std::unordered_set<IrRef> in_range;
  IrRef loop_start = kNoRef;  // the LOOPSTART, once appended
  uint32_t mem_epoch = 0;  // bumped at every side effect that writes memory (stats, tests)
  // Alias classes (bit per IrAlias) the loop body writes: LOOPSTART forgets
  // only their loads, so loads of everything else are hoisted out of the loop
  // by CSE. Default: everything mutable.
  uint32_t loop_writes = ~0u;
  size_t synced = 0;       // t.ir.size() when fold_emit() last returned

  // Forgets everything (for reusing the state on a fresh trace).
  void reset();
};

// Appends [ins] to [t] through the fold engine, which the recorder uses
// instead of t.emit() for every instruction. Returns the ref holding the
// instruction's value, which may be an earlier instruction (CSE, x+0 -> x) or
// a constant (folding). Returns kNoRef when [ins] is a Void guard that cannot
// fail here (constant operand, or an identical guard already dominates it):
// nothing is emitted then, and the snapshot made for it is simply unused.
// Operands of [ins] must be refs already in [t] (or kNoRef).
IrRef fold_emit(Trace& t, FoldState& fs, Ins ins);

// Appends [ins], an instruction of a peeled loop body with an operand that
// varies from one iteration to the next, without folding or CSE against the
// first iteration (whose refs it may name). Only a GBOUND is folded, and
// only against GBOUNDs of the loop body (bounds-check widening). Returns
// kNoRef for a dropped GBOUND.
IrRef fold_emit_variant(Trace& t, FoldState& fs, Ins ins);

// Interned constants: return the one constant instruction holding the value.
IrRef emit_kint(Trace& t, FoldState& fs, int64_t i);
IrRef emit_kbool(Trace& t, FoldState& fs, bool b);      // KINT typed Bool
IrRef emit_kflt(Trace& t, FoldState& fs, double d);     // keyed by bits: -0.0 != 0.0
IrRef emit_kval(Trace& t, FoldState& fs, runtime::Value v);
IrRef emit_kptr(Trace& t, FoldState& fs, const void* p);

// -- Dead-code elimination ------------------------------------------------------


// Turns every instruction whose value nothing needs into NOP (operands, snap
// and imm cleared), without renumbering. Roots: instructions with kIrSide or
// kIrGuard (stores, SSTORE, CALL, LOOP, JTRACE, all guards) and every ref in
// t.snap_entries; liveness flows through a, b, c and, for CALL, through
// t.calls[imm].args. Only pure instructions and loads are ever removed.
// Returns the number of instructions removed.
uint32_t dce(Trace& t);

// Type guards nothing needs (run before dce()): a GINT/GFLT on a Val v whose
// unboxed UNBOXI/UNBOXF u no instruction reads (snapshots may), when v itself
// is only stored (STXV's value, SSTORE) and the recorder never relied on u's
// type ([type_used], Recorder::type_used()). Such a value is only copied from
// one place to another (t = a[i]; a[i] = a[j]; a[j] = t), which needs no type:
// the guard becomes NOP and snapshots name v instead of u (DCE then drops u).
// Returns the number of guards removed.
uint32_t drop_unneeded_type_guards(Trace& t, const std::vector<uint8_t>& type_used);

// -- Dump (jit/ir_dump.cpp) -----------------------------------------------------

// One line per instruction, e.g. "0007 int  ADDOV  0005 +1     snap #2", with
// constants shown as values (inline where used as operands), then the
// snapshots, e.g. "snap #2 pc=14 nslots=5 [3=0007 4=0009]". NOPs are listed
// (as "NOP") so line numbers keep matching refs.
std::string ir_dump(const Trace& t);

// The text of one instruction's line, without the trailing newline.
std::string ir_dump_ins(const Trace& t, IrRef ref);

}  // namespace contrail::jit
