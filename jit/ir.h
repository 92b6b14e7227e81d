// jit/ir.h -- The trace IR: linear SSA, typed, one X-macro table.
// A trace is a vector of Ins; an IrRef is an index into it. Every instruction
// defines at most one value of a fixed IrType. Guards carry a snapshot index
// (Ins::snap): when the guard fails, execution leaves the trace and the
// interpreter resumes from that snapshot (jit/snapshot.h).
// Invariants:
//  - Operands always refer to earlier instructions (a < self, b < self, ...).
//  - Int values are unboxed small-int payloads (always within
//    Value::kSmallIntMin..kSmallIntMax once produced by a checked op);
//    Flt values are doubles; Bool values are 0/1 in a general register;
//    Val values are boxed 64-bit Values (may hold a GC reference);
//    Ptr values are raw untagged pointers or 64-bit words that the GC never
//    sees: they must not be live across a call that can collect (CallDesc::can_gc)
//    unless they point into an object kept alive by other means.
//  - Constants (K*) carry their payload in Ins::imm. KVAL objects and every
//    object pointer in an imm are kept alive by the trace (Trace::gc_consts).
//  - A root trace is either [body] LOOP (LOOP jumps to ref 0) or peeled:
//    [iteration 1] LOOPSTART [loop body] PHI* LOOP, with at most one
//    LOOPSTART. Each PHI's a is a non-constant value defined before LOOPSTART,
//    its b (same IrType) the value a takes in the next iteration; the PHIs sit
//    right before LOOP, which performs all their moves in parallel and jumps
//    to LOOPSTART. Every value defined before LOOPSTART that the body uses
//    stays live (in one location) for the whole loop (jit/regalloc.h).
// Depends on runtime/value.h only.
#pragma once

#include <cstdint>
#include <limits>

namespace contrail::jit {

#define CT_IR_TYPES(_) _(Void) _(Int) _(Flt) _(Bool) _(Val) _(Ptr)

enum class IrType : uint8_t {
#define CT_IR_TYPE_ENUM(name) name,
  CT_IR_TYPES(CT_IR_TYPE_ENUM)
#undef CT_IR_TYPE_ENUM
};

// Flags of an opcode.
//   G  guard: may leave the trace through Ins::snap
//   C  commutative (a op b == b op a), used by folding and CSE
//   P  pure: no side effect, result depends only on operands/imm (CSE, DCE)
//   S  has a side effect (never removed by DCE)
//   L  loads memory (not pure: not CSE'd across stores or calls)
inline constexpr uint8_t kIrGuard = 1, kIrComm = 2, kIrPure = 4, kIrSide = 8, kIrLoad = 16;

// name, result type, flags. Operands (a, b, c) and imm as commented.
#define CT_IR_OPS(_)                                                                          \
  /* -- constants: imm holds the payload ------------------------------------------------ */ \
  _(KINT,    Int,  kIrPure)                /* imm = int64 */                                  \
  _(KFLT,    Flt,  kIrPure)                /* imm = bits of the double */                     \
  _(KVAL,    Val,  kIrPure)                /* imm = Value bits */                             \
  _(KPTR,    Ptr,  kIrPure)                /* imm = raw pointer/word */                       \
  _(NOP,     Void, 0)                      /* removed instruction (DCE); the backend skips it */ \
  /* -- interpreter frame slots (relative to the frame's locals, register kBase) ------- */ \
  _(SLOAD,   Val,  kIrLoad)                /* imm = slot: load base[slot] */                  \
  _(SSTORE,  Void, kIrSide)                /* a = Val; imm = slot: base[slot] = a */          \
  _(SETSP,   Void, kIrSide)                /* a = Ptr &vm.sp; *a = base + 8*imm (first instruction of every trace: the GC scans the slots in memory) */ \
  _(PVAL,    Void, kIrPure)                /* side traces: a value of the parent's snapshot, taken over where the parent kept it (Trace::inherited[imm]); type per instruction; all PVALs follow SETSP */ \
  /* -- guards (all have snap) ---------------------------------------------------------- */ \
  _(GINT,    Void, kIrGuard)               /* a = Val is a small int */                       \
  _(GFLT,    Void, kIrGuard)               /* a = Val is a float */                           \
  _(GKLASS,  Void, kIrGuard)               /* a = Val is an object whose klass == imm */      \
  _(GEQV,    Void, kIrGuard)               /* a = Val has bits == imm (identity) */           \
  _(GEQP,    Void, kIrGuard)               /* a = Ptr/Int == imm */                           \
  _(GTRUE,   Void, kIrGuard)               /* a = Bool is 1 */                                \
  _(GFALSE,  Void, kIrGuard)               /* a = Bool is 0 */                                \
  _(GBOUND,  Void, kIrGuard)               /* imm <u a: a = Int length, imm = constant index >= 0 (folded from GTRUE(ULT k a)) */ \
  /* -- boxing ---------------------------------------------------------------------------- */ \
  _(UNBOXI,  Int,  kIrPure)                /* a = Val (known small int) -> Int */             \
  _(UNBOXF,  Flt,  kIrPure)                /* a = Val (known float) -> Flt */                 \
  _(UNBOXB,  Bool, kIrPure)                /* a = Val (known bool) -> Bool */                 \
  _(BOXI,    Val,  kIrPure)                /* a = Int -> Val */                               \
  _(BOXF,    Val,  kIrPure)                /* a = Flt -> Val (NaN canonicalised) */           \
  _(BOXB,    Val,  kIrPure)                /* a = Bool -> Val */                              \
  _(OBJPTR,  Ptr,  kIrPure)                /* a = Val (known object) -> Ptr to the Obj */     \
  /* -- int arithmetic ------------------------------------------------------------------- */ \
  _(ADD,     Int,  kIrPure | kIrComm)      /* a + b, unchecked (wraps) */                     \
  _(SUB,     Int,  kIrPure)                /* a - b, unchecked */                             \
  _(MUL,     Int,  kIrPure | kIrComm)      /* a * b, unchecked */                             \
  _(ADDOV,   Int,  kIrGuard | kIrComm)     /* a + b; exits if the result leaves small-int range */ \
  _(SUBOV,   Int,  kIrGuard)               /* a - b; same */                                  \
  _(MULOV,   Int,  kIrGuard | kIrComm)     /* a * b; same (64-bit overflow included) */       \
  _(NEGOV,   Int,  kIrGuard)               /* -a; same */                                     \
  _(BAND,    Int,  kIrPure | kIrComm)      /* a & b */                                        \
  _(BOR,     Int,  kIrPure | kIrComm)      /* a | b */                                        \
  _(BXOR,    Int,  kIrPure | kIrComm)      /* a ^ b */                                        \
  _(SHR,     Int,  kIrPure)                /* a >> b, arithmetic; b in 0..63 (caller guards) */ \
  /* -- int comparisons: Bool ----------------------------------------------------------- */ \
  _(LT,      Bool, kIrPure)                /* a < b (signed) */                               \
  _(LE,      Bool, kIrPure)                                                                   \
  _(GT,      Bool, kIrPure)                                                                   \
  _(GE,      Bool, kIrPure)                                                                   \
  _(EQ,      Bool, kIrPure | kIrComm)      /* also for Val/Ptr identity */                    \
  _(NE,      Bool, kIrPure | kIrComm)                                                         \
  _(ULT,     Bool, kIrPure)                /* a < b unsigned (bounds checks) */               \
  /* -- float arithmetic and comparisons ------------------------------------------------- */ \
  _(FADD,    Flt,  kIrPure | kIrComm)                                                         \
  _(FSUB,    Flt,  kIrPure)                                                                   \
  _(FMUL,    Flt,  kIrPure | kIrComm)                                                         \
  _(FDIV,    Flt,  kIrPure)                /* caller guards b != 0 */                         \
  _(FNEG,    Flt,  kIrPure)                                                                   \
  _(FABS,    Flt,  kIrPure)                                                                   \
  _(FSQRT,   Flt,  kIrPure)                /* caller guards a >= 0 */                         \
  _(I2F,     Flt,  kIrPure)                /* a = Int -> Flt */                               \
  _(FLT,     Bool, kIrPure)                /* a < b (false when unordered) */                 \
  _(FLE,     Bool, kIrPure)                                                                   \
  _(FGT,     Bool, kIrPure)                                                                   \
  _(FGE,     Bool, kIrPure)                                                                   \
  _(FEQ,     Bool, kIrPure | kIrComm)      /* false when unordered */                         \
  _(FNE,     Bool, kIrPure | kIrComm)      /* true when unordered */                          \
  /* -- bool ------------------------------------------------------------------------------ */ \
  _(NOT,     Bool, kIrPure)                /* a = Bool -> !a */                               \
  /* -- memory: a = Ptr base; imm = byte offset --------------------------------------------- */ \
  _(LDI,     Int,  kIrLoad)                /* int64 at [a + imm] */                           \
  _(LDP,     Ptr,  kIrLoad)                /* pointer at [a + imm] */                         \
  _(LDV,     Val,  kIrLoad)                /* Value at [a + imm] */                           \
  _(LDXV,    Val,  kIrLoad)                /* Value at [a + 8*b + imm] (b = Int index) */     \
  _(STI,     Void, kIrSide)                /* [a + imm] = b (Int) */                          \
  _(STXV,    Void, kIrSide)                /* [a + 8*b + imm] = c (Val) */                    \
  _(LDXB,    Int,  kIrLoad)                /* zero-extended byte at [a + b + imm] (lists with byte storage) */ \
  _(STXB,    Void, kIrSide)                /* byte [a + b + imm] = c (an Int in 0..255) */    \
  _(PREFETCH, Void, kIrSide)               /* peeled loops: a strided LDXV/STXV [a + 8*b + imm] (LDXB/STXB [a + b + imm] when alias is kAliasByteItem) whose index b grows by c per iteration will soon touch the item kPrefetchAhead*c further; a hint that never faults and writes nothing */ \
  /* -- calls into C++ helpers: imm = index into Trace::calls ----------------------------- */ \
  _(CALL,    Void, kIrSide)                /* result type from CallDesc::ret (Ins::type) */   \
  /* -- control ----------------------------------------------------------------------------- */ \
  _(LOOPSTART, Void, kIrSide)              /* root traces: the loop body starts here; LOOP jumps back here after the PHI moves */ \
  _(PHI,     Void, kIrSide)                /* a = value defined before LOOPSTART, b = its value for the next iteration; moved at LOOP */ \
  _(LOOP,    Void, kIrSide)                /* end of a root trace: PHI moves, then jump to LOOPSTART (or the first instruction) */ \
  _(RETF,    Void, kIrGuard | kIrSide)     /* return from the anchor frame to its interpreter caller: guards the caller (Trace::returns[imm]), then re-anchors the activation on it (base, Activation::frame, vm.frame); slots after it are the caller's */ \
  _(JTRACE,  Void, kIrSide)                /* end of a side trace: jump to trace #imm's entry */

enum class IrOp : uint8_t {
#define CT_IR_OP_ENUM(name, type, flags) name,
  CT_IR_OPS(CT_IR_OP_ENUM)
#undef CT_IR_OP_ENUM
};

#define CT_IR_OP_COUNT(name, type, flags) +1
inline constexpr int kIrOpCount = 0 CT_IR_OPS(CT_IR_OP_COUNT);
#undef CT_IR_OP_COUNT

using IrRef = uint32_t;
inline constexpr IrRef kNoRef = std::numeric_limits<uint32_t>::max();
// Iterations ahead that a PREFETCH reaches (8 strided stores cover the
// latency of a cache miss to L3 on the machines measured; see
// benchmarks/README.md, sieve).
inline constexpr int64_t kPrefetchAhead = 8;
inline constexpr uint32_t kNoSnap = std::numeric_limits<uint32_t>::max();

// Alias classes of memory operations (Ins::alias on loads and stores): two
// memory operations of different classes never touch the same bytes. Class
// kAliasAny aliases everything. Immutable classes are never written after
// their object is built, so their loads survive every store and call.
#define CT_IR_ALIAS_CLASSES(_)                                                  \
  _(Any, false)         /* unknown */                                          \
  _(Slot, false)        /* interpreter frame slots (SLOAD/SSTORE) */           \
  _(ListSize, false)    /* List::size: changed only by helpers */              \
  _(ListArray, false)   /* List::array: changed only by helpers */             \
  _(ArrayItem, false)   /* ValueArray items: list items, instance slots */     \
  _(ByteItem, false)    /* RawArray bytes of lists with byte storage */        \
  _(IterIndex, false)   /* SeqIter::index */                                   \
  _(CellValue, false)   /* Cell::value */                                      \
  _(DictValue, false)   /* DictEntry::value of a global (entry-path globals) */\
  _(DictKeys, false)    /* Dict::table/used, DictTable::nentries: inserts, deletes, resizes */ \
  _(Header, false)      /* Dict::version, Instance::shape/slots, class epoch: helpers only */ \
  _(TupleItem, true)    /* Tuple size and items */                             \
  _(IterSeq, true)      /* SeqIter::seq */                                     \
  _(RangeField, true)   /* Range start/step/length */

enum IrAlias : uint16_t {
#define CT_IR_ALIAS_ENUM(name, immutable) kAlias##name,
  CT_IR_ALIAS_CLASSES(CT_IR_ALIAS_ENUM)
#undef CT_IR_ALIAS_ENUM
};
inline constexpr bool ir_alias_immutable(uint16_t a) {
  constexpr bool kImmutable[] = {
#define CT_IR_ALIAS_IMM(name, immutable) immutable,
      CT_IR_ALIAS_CLASSES(CT_IR_ALIAS_IMM)
#undef CT_IR_ALIAS_IMM
  };
  return a < sizeof(kImmutable) && kImmutable[a];
}

struct Ins {
  IrOp op;
  IrType type;        // result type (for CALL: the helper's return type)
  uint16_t alias = 0;  // loads and stores: IrAlias class
  uint32_t snap = kNoSnap;  // guards: snapshot to resume from
  IrRef a = kNoRef, b = kNoRef, c = kNoRef;
  uint32_t pad2 = 0;
  int64_t imm = 0;
};

// Static facts about opcodes.
const char* ir_op_name(IrOp op);
const char* ir_type_name(IrType t);
IrType ir_op_type(IrOp op);  // CALL: Void (the real type is per instruction)
uint8_t ir_op_flags(IrOp op);
inline bool ir_is_guard(IrOp op) { return ir_op_flags(op) & kIrGuard; }
inline bool ir_is_const(IrOp op) {
  return op == IrOp::KINT || op == IrOp::KFLT || op == IrOp::KVAL || op == IrOp::KPTR;
}

}  // namespace contrail::jit
