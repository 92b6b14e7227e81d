// jit/opt_fold.cpp -- The fold engine: constant folding, algebraic
// simplification, CSE and redundant-guard removal, applied to every
// instruction as the recorder emits it (fold_emit).
//
// The rules' contract (as in LuaJIT's lj_opt_fold.c):
//  - A rule returns an existing ref (an operand, an earlier instruction or an
//    interned constant), drops a guard that cannot fail, or rewrites the
//    instruction into a simpler one of the same type and runs the rules again
//    (NOT(LT a b) -> GE a b). Every rewrite shrinks, so the loop ends.
//  - A rule never changes the result type and never builds a new instruction
//    other than a constant or the rewritten instruction itself.
//  - Guards keep their snap. A Void guard is dropped only when its operand is
//    a constant that satisfies it, a box of the right kind (GINT(BOXI x)), or
//    an identical guard is already on the trace: the trace is linear, so the
//    earlier guard dominates. A value guard (ADDOV..NEGOV) folds only when the
//    result provably stays in the small-int range, or to an identical earlier
//    one (CSE).
//  - Bounds-check widening, the one rule that edits an earlier instruction:
//    GTRUE(ULT k n) with a constant k >= 0 becomes GBOUND n [k] (same snap).
//    A later GBOUND n [k2] is dropped when the first GBOUND on n already
//    checks k >= k2; otherwise the first one is widened in place to k2 and
//    the later one dropped. This is sound because n is one SSA value (the
//    same length at both guards) and the earlier guard's snapshot resumes
//    the interpreter before both accesses: if n <= k2 the interpreter runs
//    the code in between again and raises IndexError at the right place.
//    Widening only makes the earlier guard exit more often, never less.
//  - Only exact rewrites: no float algebra (x+0.0 is not x for x = -0.0, NaN
//    breaks comparison inversion except FEQ<->FNE).
// Loads are CSE'd within one memory epoch (no kIrSide instruction between).
// Depends on jit/ir.h, jit/trace.h and runtime/value.h, runtime/object.h (the
// klass of a constant object); never on the recorder or the backend.
#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "jit/opt.h"
#include "runtime/object.h"

namespace contrail::jit {

using runtime::Value;

size_t InsKeyHash::operator()(const InsKey& k) const {
  uint64_t h = static_cast<uint64_t>(k.op) | (static_cast<uint64_t>(k.type) << 8);
  for (uint64_t x : {uint64_t{k.a}, uint64_t{k.b}, uint64_t{k.c}, static_cast<uint64_t>(k.imm)}) {
    h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  }
  return static_cast<size_t>(h * 0xFF51AFD7ED558CCDull);
}

void FoldState::reset() {
  pure.clear();
  loads.clear();
  stored.clear();
  guards.clear();
  bounds.clear();
  less.clear();
  nonneg.clear();
  in_range.clear();
  loop_start = kNoRef;
  mem_epoch = 0;
  synced = 0;
  loop_writes = ~0u;
}

namespace {

// -- Emission and CSE -------------------------------------------------------------

InsKey key_of(const Ins& ins) { return {ins.op, ins.type, ins.a, ins.b, ins.c, ins.imm}; }

bool is_value_guard(IrOp op) { return ir_is_guard(op) && ir_op_type(op) != IrType::Void; }

// Every mutable alias class (a store of class kAliasAny, or a call, may write any).
constexpr uint32_t mutable_classes() {
  uint32_t m = 0;
  for (uint16_t a = 0; a < 32; ++a)
    if (!ir_alias_immutable(a)) m |= 1u << a;
  return m;
}

// The alias classes a side-effecting instruction may write.
uint32_t written_classes(const Trace& t, const Ins& ins, const FoldState& fs) {
  switch (ins.op) {
    case IrOp::STI:
    case IrOp::STXV:
    case IrOp::STXB: return ins.alias == kAliasAny ? mutable_classes() : (1u << ins.alias);
    case IrOp::SSTORE: return 1u << kAliasSlot;
    case IrOp::SETSP:
    case IrOp::PREFETCH:
    case IrOp::PHI:
    case IrOp::LOOP:
    case IrOp::JTRACE: return 0;
    case IrOp::LOOPSTART: return fs.loop_writes & mutable_classes();  // nothing writes an immutable class
    case IrOp::CALL:  // helpers may change any mutable field, except pure ones
      return static_cast<size_t>(ins.imm) < t.calls.size() && t.calls[static_cast<size_t>(ins.imm)].pure ? 0
                                                                                                    : mutable_classes();
    default: return mutable_classes();
  }
}

// Forgets the loads a write to [classes] may have changed (loads of class
// kAliasAny alias everything).
void new_epoch(const Trace& t, FoldState& fs, uint32_t classes) {
  if (classes == 0) return;
  for (auto it = fs.loads.begin(); it != fs.loads.end();) {
    uint16_t a = t.ir[it->second].alias;
    if (a == kAliasAny || (classes & (1u << a))) it = fs.loads.erase(it);
    else ++it;
  }
  for (auto it = fs.stored.begin(); it != fs.stored.end();) {
    uint16_t a = it->second.second;
    if (a == kAliasAny || (classes & (1u << a))) it = fs.stored.erase(it);
    else ++it;
  }
  ++fs.mem_epoch;
}

// Notices instructions appended with Trace::emit() since the last call: their
// side effects end the memory epoch. A shrunk trace (rollback) forgets all.
void sync(const Trace& t, FoldState& fs) {
  if (t.ir.size() < fs.synced) fs.reset();
  for (size_t i = fs.synced; i < t.ir.size(); ++i) {
    if (t.ir[i].op == IrOp::LOOPSTART) {
      fs.loop_start = static_cast<IrRef>(i);
      fs.less.clear();
      fs.nonneg.clear();
    }
    if (ir_op_flags(t.ir[i].op) & kIrSide) new_epoch(t, fs, written_classes(t, t.ir[i], fs));
  }
  fs.synced = t.ir.size();
}

// Returns an identical earlier instruction's ref, kNoRef for a redundant Void
// guard, or appends [ins] and records it for later CSE.
IrRef cse_or_emit(Trace& t, FoldState& fs, const Ins& ins) {
  const uint8_t flags = ir_op_flags(ins.op);
  const InsKey key = key_of(ins);
  std::unordered_map<InsKey, IrRef, InsKeyHash>* table = nullptr;
  if ((flags & kIrPure) || is_value_guard(ins.op)) {
    table = &fs.pure;
  } else if (flags & kIrLoad) {
    if (auto it = fs.stored.find(key); it != fs.stored.end()) return it->second.first;
    table = &fs.loads;
  } else if (flags & kIrGuard) {
    if (!fs.guards.insert(key).second) return kNoRef;
  }
  if (table) {
    if (auto it = table->find(key); it != table->end()) return it->second;
  }
  const IrRef ref = t.emit(ins);
  if (table) table->emplace(key, ref);
  if (flags & kIrSide) new_epoch(t, fs, written_classes(t, ins, fs));
  // A load of what was just stored reads the stored value.
  if (ins.op == IrOp::STI) fs.stored[InsKey{IrOp::LDI, IrType::Int, ins.a, kNoRef, kNoRef, ins.imm}] = {ins.b, ins.alias};
  if (ins.op == IrOp::STXV)
    fs.stored[InsKey{IrOp::LDXV, IrType::Val, ins.a, ins.b, kNoRef, ins.imm}] = {ins.c, ins.alias};
  if (ins.op == IrOp::STXB)
    fs.stored[InsKey{IrOp::LDXB, IrType::Int, ins.a, ins.b, kNoRef, ins.imm}] = {ins.c, ins.alias};
  return ref;
}

IrRef intern(Trace& t, FoldState& fs, IrOp op, IrType type, int64_t imm) {
  Ins k{op, type};
  k.imm = imm;
  return cse_or_emit(t, fs, k);
}

// -- Rule plumbing ----------------------------------------------------------------

struct Fold {
  enum Kind : uint8_t { kNext, kRetry, kDone } kind;
  IrRef ref;
};
constexpr Fold kNext{Fold::kNext, kNoRef};   // no rule applies: emit as is
constexpr Fold kRetry{Fold::kRetry, kNoRef};  // ins was rewritten: run the rules again
constexpr Fold kDrop{Fold::kDone, kNoRef};    // Void guard that cannot fail: emit nothing
Fold done(IrRef ref) { return {Fold::kDone, ref}; }

// The instruction being folded and where it goes.
struct Folder {
  Trace& t;
  FoldState& fs;
  Ins& ins;

  const Ins& at(IrRef r) const { return t.ir[r]; }
  bool is_k(IrRef r) const { return r != kNoRef && ir_is_const(t.ir[r].op); }
  bool is_op(IrRef r, IrOp op) const { return r != kNoRef && t.ir[r].op == op; }
  bool is_kint(IrRef r, int64_t v) const { return is_op(r, IrOp::KINT) && t.ir[r].imm == v; }
  int64_t k(IrRef r) const { return t.ir[r].imm; }
  double kf(IrRef r) const { return std::bit_cast<double>(t.ir[r].imm); }
  Value kv(IrRef r) const { return Value::from_bits(static_cast<uint64_t>(t.ir[r].imm)); }

  Fold kint(int64_t i) { return done(intern(t, fs, IrOp::KINT, IrType::Int, i)); }
  Fold kbool(bool b) { return done(intern(t, fs, IrOp::KINT, IrType::Bool, b)); }
  Fold kflt(double d) { return done(intern(t, fs, IrOp::KFLT, IrType::Flt, std::bit_cast<int64_t>(d))); }
  Fold kval(Value v) { return done(intern(t, fs, IrOp::KVAL, IrType::Val, static_cast<int64_t>(v.bits()))); }
  Fold kptr(const void* p) {
    return done(intern(t, fs, IrOp::KPTR, IrType::Ptr, static_cast<int64_t>(reinterpret_cast<uintptr_t>(p))));
  }
  // Replaces the instruction by a unary/binary one on new operands (same type).
  Fold rewrite(IrOp op, IrRef a, IrRef b = kNoRef) {
    ins.op = op;
    ins.a = a;
    ins.b = b;
    return kRetry;
  }
};

// Comparison with its operands swapped (a op b == b op' a), or op itself.
IrOp swapped_cmp(IrOp op) {
  switch (op) {
    case IrOp::LT: return IrOp::GT;
    case IrOp::GT: return IrOp::LT;
    case IrOp::LE: return IrOp::GE;
    case IrOp::GE: return IrOp::LE;
    case IrOp::FLT: return IrOp::FGT;
    case IrOp::FGT: return IrOp::FLT;
    case IrOp::FLE: return IrOp::FGE;
    case IrOp::FGE: return IrOp::FLE;
    default: return op;
  }
}

// The comparison computing !(a op b), or op itself when there is none that
// is exact (float orderings are not: both are false on NaN; ULT has no UGE).
IrOp inverted_cmp(IrOp op) {
  switch (op) {
    case IrOp::LT: return IrOp::GE;
    case IrOp::GE: return IrOp::LT;
    case IrOp::LE: return IrOp::GT;
    case IrOp::GT: return IrOp::LE;
    case IrOp::EQ: return IrOp::NE;
    case IrOp::NE: return IrOp::EQ;
    case IrOp::FEQ: return IrOp::FNE;
    case IrOp::FNE: return IrOp::FEQ;
    default: return op;
  }
}

// Constants go to b; otherwise commutative operands are ordered by ref, so
// that x+y and y+x meet in CSE.
void normalise(Folder& f) {
  Ins& ins = f.ins;
  if (ins.a == kNoRef || ins.b == kNoRef) return;
  const bool ka = f.is_k(ins.a), kb = f.is_k(ins.b);
  if (ir_op_flags(ins.op) & kIrComm) {
    if ((ka && !kb) || (ka == kb && ins.a > ins.b)) std::swap(ins.a, ins.b);
  } else if (ka && !kb && swapped_cmp(ins.op) != ins.op) {
    ins.op = swapped_cmp(ins.op);
    std::swap(ins.a, ins.b);
  }
}

// -- Constant folding ---------------------------------------------------------------

bool operands_const(const Folder& f) {
  const Ins& ins = f.ins;
  if (ins.a == kNoRef || !f.is_k(ins.a)) return false;
  return (ins.b == kNoRef || f.is_k(ins.b)) && (ins.c == kNoRef || f.is_k(ins.c));
}

Fold fold_int_k(Folder& f) {
  const int64_t x = f.k(f.ins.a), y = f.k(f.ins.b);
  const uint64_t ux = static_cast<uint64_t>(x), uy = static_cast<uint64_t>(y);
  switch (f.ins.op) {
    case IrOp::ADD: return f.kint(static_cast<int64_t>(ux + uy));  // wraps, like the machine
    case IrOp::SUB: return f.kint(static_cast<int64_t>(ux - uy));
    case IrOp::MUL: return f.kint(static_cast<int64_t>(ux * uy));
    case IrOp::BAND: return f.kint(x & y);
    case IrOp::BOR: return f.kint(x | y);
    case IrOp::BXOR: return f.kint(x ^ y);
    case IrOp::SHR: return (y < 0 || y > 63) ? kNext : f.kint(x >> y);
    case IrOp::LT: return f.kbool(x < y);
    case IrOp::LE: return f.kbool(x <= y);
    case IrOp::GT: return f.kbool(x > y);
    case IrOp::GE: return f.kbool(x >= y);
    case IrOp::EQ: return f.kbool(x == y);
    case IrOp::NE: return f.kbool(x != y);
    case IrOp::ULT: return f.kbool(ux < uy);
    default: return kNext;
  }
}

// Checked ops fold only when the result fits the small-int range; otherwise
// the guard stays (it will always exit, which is the interpreter's business).
Fold fold_ov_k(Folder& f) {
  const int64_t x = f.k(f.ins.a);
  int64_t r = 0;
  bool ovf = false;
  switch (f.ins.op) {
    case IrOp::ADDOV: ovf = __builtin_add_overflow(x, f.k(f.ins.b), &r); break;
    case IrOp::SUBOV: ovf = __builtin_sub_overflow(x, f.k(f.ins.b), &r); break;
    case IrOp::MULOV: ovf = __builtin_mul_overflow(x, f.k(f.ins.b), &r); break;
    case IrOp::NEGOV: ovf = __builtin_sub_overflow(int64_t{0}, x, &r); break;
    default: return kNext;
  }
  if (ovf || !Value::fits_small_int(r)) return kNext;
  return f.kint(r);
}

Fold fold_flt_k(Folder& f) {
  const double x = f.kf(f.ins.a);
  const double y = f.ins.b == kNoRef ? 0.0 : f.kf(f.ins.b);
  switch (f.ins.op) {
    case IrOp::FADD: return f.kflt(x + y);
    case IrOp::FSUB: return f.kflt(x - y);
    case IrOp::FMUL: return f.kflt(x * y);
    case IrOp::FDIV: return f.kflt(x / y);  // b == 0 is guarded before; IEEE result never reached
    case IrOp::FNEG: return f.kflt(-x);
    case IrOp::FABS: return f.kflt(std::fabs(x));
    case IrOp::FSQRT: return f.kflt(std::sqrt(x));
    case IrOp::FLT: return f.kbool(x < y);
    case IrOp::FLE: return f.kbool(x <= y);
    case IrOp::FGT: return f.kbool(x > y);
    case IrOp::FGE: return f.kbool(x >= y);
    case IrOp::FEQ: return f.kbool(x == y);
    case IrOp::FNE: return f.kbool(x != y);
    default: return kNext;
  }
}

// Conversions, boxing and NOT. Unboxing a constant of the wrong kind is left
// alone: the guard in front of it exits first.
Fold fold_conv_k(Folder& f) {
  const IrRef a = f.ins.a;
  const Value v = f.kv(a);
  switch (f.ins.op) {
    case IrOp::I2F: return f.kflt(static_cast<double>(f.k(a)));
    case IrOp::NOT: return f.kbool(f.k(a) == 0);
    case IrOp::BOXI:
      return Value::fits_small_int(f.k(a)) ? f.kval(Value::small_int(f.k(a))) : kNext;
    case IrOp::BOXF: return f.kval(Value::from_double(f.kf(a)));
    case IrOp::BOXB: return f.kval(Value::boolean(f.k(a) != 0));
    case IrOp::UNBOXI: return v.is_small_int() ? f.kint(v.as_small_int()) : kNext;
    case IrOp::UNBOXF: return v.is_double() ? f.kflt(v.as_double()) : kNext;
    case IrOp::UNBOXB: return v.is_bool() ? f.kbool(v.as_bool()) : kNext;
    case IrOp::OBJPTR: return v.is_obj() ? f.kptr(v.as_obj()) : kNext;
    default: return kNext;
  }
}

Fold fold_k(Folder& f) {
  switch (f.ins.op) {
    case IrOp::ADD: case IrOp::SUB: case IrOp::MUL: case IrOp::BAND: case IrOp::BOR:
    case IrOp::BXOR: case IrOp::SHR: case IrOp::LT: case IrOp::LE: case IrOp::GT:
    case IrOp::GE: case IrOp::EQ: case IrOp::NE: case IrOp::ULT:
      return fold_int_k(f);
    case IrOp::ADDOV: case IrOp::SUBOV: case IrOp::MULOV: case IrOp::NEGOV:
      return fold_ov_k(f);
    case IrOp::FADD: case IrOp::FSUB: case IrOp::FMUL: case IrOp::FDIV: case IrOp::FNEG:
    case IrOp::FABS: case IrOp::FSQRT: case IrOp::FLT: case IrOp::FLE: case IrOp::FGT:
    case IrOp::FGE: case IrOp::FEQ: case IrOp::FNE:
      return fold_flt_k(f);
    case IrOp::I2F: case IrOp::NOT: case IrOp::BOXI: case IrOp::BOXF: case IrOp::BOXB:
    case IrOp::UNBOXI: case IrOp::UNBOXF: case IrOp::UNBOXB: case IrOp::OBJPTR:
      return fold_conv_k(f);
    default:
      return kNext;
  }
}

// -- Algebraic simplification (b is the constant, if any: see normalise) ------------

Fold simplify_arith(Folder& f) {
  const IrRef a = f.ins.a, b = f.ins.b;
  switch (f.ins.op) {
    case IrOp::ADD: case IrOp::ADDOV:
      return f.is_kint(b, 0) ? done(a) : kNext;
    case IrOp::SUB: case IrOp::SUBOV:
      if (f.is_kint(b, 0)) return done(a);
      return a == b ? f.kint(0) : kNext;
    case IrOp::MUL: case IrOp::MULOV:  // x*0 is exact even when checked
      if (f.is_kint(b, 1)) return done(a);
      return f.is_kint(b, 0) ? f.kint(0) : kNext;
    case IrOp::NEGOV:  // the inner NEGOV guards -x; then -(-x) == x fits
      return f.is_op(a, IrOp::NEGOV) ? done(f.at(a).a) : kNext;
    case IrOp::BAND:
      if (f.is_kint(b, 0)) return f.kint(0);
      return (f.is_kint(b, -1) || a == b) ? done(a) : kNext;
    case IrOp::BOR:
      if (f.is_kint(b, -1)) return f.kint(-1);
      return (f.is_kint(b, 0) || a == b) ? done(a) : kNext;
    case IrOp::BXOR:
      if (f.is_kint(b, 0)) return done(a);
      return a == b ? f.kint(0) : kNext;
    case IrOp::SHR:
      return f.is_kint(b, 0) ? done(a) : kNext;
    default:
      return kNext;
  }
}

// x op x for int (and identity) comparisons. Not for floats: NaN != NaN.
Fold simplify_cmp(Folder& f) {
  if (f.ins.a != f.ins.b) return kNext;
  switch (f.ins.op) {
    case IrOp::LT: case IrOp::GT: case IrOp::NE: case IrOp::ULT: return f.kbool(false);
    case IrOp::LE: case IrOp::GE: case IrOp::EQ: return f.kbool(true);
    default: return kNext;
  }
}

// BOXI(UNBOXI v) -> v and friends. BOXF(UNBOXF v) is exact because a boxed
// float is already NaN-canonical; UNBOXF(BOXF f) only loses a NaN payload,
// which Python cannot observe.
Fold simplify_box(Folder& f) {
  IrOp inner;
  switch (f.ins.op) {
    case IrOp::BOXI: inner = IrOp::UNBOXI; break;
    case IrOp::BOXF: inner = IrOp::UNBOXF; break;
    case IrOp::BOXB: inner = IrOp::UNBOXB; break;
    case IrOp::UNBOXI: inner = IrOp::BOXI; break;
    case IrOp::UNBOXF: inner = IrOp::BOXF; break;
    case IrOp::UNBOXB: inner = IrOp::BOXB; break;
    default: return kNext;
  }
  return f.is_op(f.ins.a, inner) ? done(f.at(f.ins.a).a) : kNext;
}

Fold simplify_not(Folder& f) {
  const IrRef a = f.ins.a;
  if (f.is_op(a, IrOp::NOT)) return done(f.at(a).a);
  const Ins& cmp = f.at(a);
  const IrOp inv = inverted_cmp(cmp.op);
  if (inv == cmp.op) return kNext;
  return f.rewrite(inv, cmp.a, cmp.b);
}

Fold simplify(Folder& f) {
  switch (f.ins.op) {
    case IrOp::LT: case IrOp::LE: case IrOp::GT: case IrOp::GE: case IrOp::EQ:
    case IrOp::NE: case IrOp::ULT:
      return simplify_cmp(f);
    case IrOp::BOXI: case IrOp::BOXF: case IrOp::BOXB: case IrOp::UNBOXI:
    case IrOp::UNBOXF: case IrOp::UNBOXB:
      return simplify_box(f);
    case IrOp::NOT:
      return simplify_not(f);
    default:
      return simplify_arith(f);
  }
}

// -- Void guards ----------------------------------------------------------------------

// GTRUE/GFALSE on a constant; GTRUE(NOT x) -> GFALSE x; GTRUE(ULT k n) ->
// GBOUND n [k] for a constant k >= 0 (same snap).
Fold fold_bool_guard(Folder& f) {
  const IrRef a = f.ins.a;
  const bool want = f.ins.op == IrOp::GTRUE;
  if (f.is_k(a)) return ((f.k(a) != 0) == want) ? kDrop : kNext;  // a failing one stays
  if (f.is_op(a, IrOp::NOT)) {
    f.ins.op = want ? IrOp::GFALSE : IrOp::GTRUE;
    f.ins.a = f.at(a).a;
    return kRetry;
  }
  const Ins& cmp = f.at(a);
  if (want && cmp.op == IrOp::ULT && f.is_op(cmp.a, IrOp::KINT) && f.k(cmp.a) >= 0) {
    f.ins.op = IrOp::GBOUND;
    f.ins.imm = f.k(cmp.a);
    f.ins.a = cmp.b;
    return kRetry;
  }
  return kNext;
}

// -- Bounds-check widening (see the contract above) -----------------------------------

// [body_only]: n may vary per iteration of a peeled loop, so only GBOUNDs of
// the loop body (after LOOPSTART) check the same value.
Fold fold_bound(Folder& f, bool body_only = false) {
  const IrRef n = f.ins.a;
  const uint64_t k = static_cast<uint64_t>(f.ins.imm);
  if (f.is_k(n)) return k < static_cast<uint64_t>(f.k(n)) ? kDrop : kNext;
  auto it = f.fs.bounds.find(n);
  if (it == f.fs.bounds.end()) return kNext;
  if (body_only && (f.fs.loop_start == kNoRef || it->second < f.fs.loop_start)) return kNext;
  Ins& first = f.t.ir[it->second];
  if (static_cast<uint64_t>(first.imm) >= k) return kDrop;
  f.fs.guards.erase(key_of(first));
  first.imm = f.ins.imm;
  f.fs.guards.insert(key_of(first));
  return kDrop;
}

// Drops a guard its operand satisfies by construction. Redundant repeats of
// a guard are caught later, in cse_or_emit.
Fold fold_guard(Folder& f) {
  const IrRef a = f.ins.a;
  const bool kval = f.is_op(a, IrOp::KVAL);
  const Value v = kval ? f.kv(a) : Value();
  switch (f.ins.op) {
    case IrOp::GTRUE: case IrOp::GFALSE:
      return fold_bool_guard(f);
    case IrOp::GBOUND:
      return fold_bound(f);
    case IrOp::GINT:
      return ((kval && v.is_small_int()) || f.is_op(a, IrOp::BOXI)) ? kDrop : kNext;
    case IrOp::GFLT:
      return ((kval && v.is_double()) || f.is_op(a, IrOp::BOXF)) ? kDrop : kNext;
    case IrOp::GKLASS:  // a constant object is kept alive by the trace; its klass is fixed
      return (kval && v.is_obj() &&
              reinterpret_cast<int64_t>(v.as_obj()->klass) == f.ins.imm) ? kDrop : kNext;
    case IrOp::GEQV:
      if (f.is_op(a, IrOp::BOXB)) {
        // A bool carried through a frame slot: test the Bool itself.
        const Value want = Value::from_bits(static_cast<uint64_t>(f.ins.imm));
        if (!want.is_bool()) return kNext;
        f.ins.imm = 0;
        return f.rewrite(want.as_bool() ? IrOp::GTRUE : IrOp::GFALSE, f.at(a).a);
      }
      return (kval && static_cast<int64_t>(v.bits()) == f.ins.imm) ? kDrop : kNext;
    case IrOp::GEQP:
      return (f.is_k(a) && f.k(a) == f.ins.imm) ? kDrop : kNext;
    default:
      return kNext;
  }
}

// -- Range facts (see jit/opt.h) --------------------------------------------------------

// Whether [r], an Int value, is known to be a small int (|r| < 2**47): an
// unboxed int, the result of a checked op, a proven unchecked one, a list's
// length (at most 2**40 items) or a constant in range. Other Int values (raw
// sums, other fields) may be any int64.
bool small_int_value(const Folder& f, IrRef r) {
  switch (f.at(r).op) {
    case IrOp::UNBOXI: case IrOp::ADDOV: case IrOp::SUBOV: case IrOp::MULOV: case IrOp::NEGOV:
      return true;
    case IrOp::LDI:
      return f.at(r).alias == kAliasListSize;
    case IrOp::LDXB:  // 0..255
      return true;
    case IrOp::KINT:
      return f.at(r).type == IrType::Int && Value::fits_small_int(f.k(r));
    default:
      return f.fs.in_range.count(r) != 0;
  }
}

// Records the strict order a GTRUE/GFALSE on an int comparison establishes.
void note_order(Trace& t, FoldState& fs, const Ins& guard) {
  if ((guard.op != IrOp::GTRUE && guard.op != IrOp::GFALSE) || guard.a == kNoRef) return;
  const Ins& cmp = t.ir[guard.a];
  const bool holds = guard.op == IrOp::GTRUE;
  IrRef x = kNoRef, y = kNoRef;  // x < y
  // x <u len, with len a list's length (never negative): 0 <= x < len.
  if (cmp.op == IrOp::ULT && holds && t.ir[cmp.a].type == IrType::Int && t.ir[cmp.b].op == IrOp::LDI &&
      t.ir[cmp.b].alias == kAliasListSize) {
    if (fs.nonneg.size() < 64) fs.nonneg.push_back(cmp.a);
    x = cmp.a, y = cmp.b;
  }
  if ((cmp.op == IrOp::LT && holds) || (cmp.op == IrOp::GE && !holds)) x = cmp.a, y = cmp.b;
  else if ((cmp.op == IrOp::GT && holds) || (cmp.op == IrOp::LE && !holds)) x = cmp.b, y = cmp.a;
  if (x == kNoRef || y == kNoRef || t.ir[x].type != IrType::Int || t.ir[y].type != IrType::Int) return;
  if (fs.less.size() < 64) fs.less.emplace_back(x, y);
}

// ADDOV x 1 with x < y, y small: x + 1 <= y. SUBOV y 1 with x < y, x small,
// or with y >= 0: y - 1 >= min. Both become unchecked ops whose results are
// small ints.
Fold fold_ordered_ov(Folder& f) {
  if (!f.is_kint(f.ins.b, 1)) return kNext;
  const IrRef v = f.ins.a;
  bool proven = f.ins.op == IrOp::SUBOV &&
                std::find(f.fs.nonneg.begin(), f.fs.nonneg.end(), v) != f.fs.nonneg.end();
  for (const auto& [x, y] : f.fs.less) {
    if (f.ins.op == IrOp::ADDOV && x == v && small_int_value(f, y)) proven = true;
    if (f.ins.op == IrOp::SUBOV && y == v && small_int_value(f, x)) proven = true;
  }
  if (!proven) return kNext;
  f.ins.op = f.ins.op == IrOp::ADDOV ? IrOp::ADD : IrOp::SUB;
  f.ins.snap = kNoSnap;
  return kRetry;
}

Fold fold_rules(Folder& f) {
  const IrOp op = f.ins.op;
  if (ir_is_guard(op) && ir_op_type(op) == IrType::Void) return fold_guard(f);
  if (op == IrOp::CALL || ir_is_const(op)) return kNext;
  if (operands_const(f)) {
    Fold r = fold_k(f);
    if (r.kind != Fold::kNext) return r;
  }
  if (op == IrOp::ADDOV || op == IrOp::SUBOV) {
    Fold r = fold_ordered_ov(f);
    if (r.kind != Fold::kNext) return r;
  }
  return simplify(f);
}

// Emits an unchecked ADD/SUB fold_ordered_ov made, remembering it is small.
IrRef note_in_range(FoldState& fs, IrOp was, const Ins& ins, IrRef ref) {
  if ((was == IrOp::ADDOV || was == IrOp::SUBOV) && ins.op != was && ref != kNoRef) fs.in_range.insert(ref);
  return ref;
}

}  // namespace

// -- Entry points ---------------------------------------------------------------------

IrRef fold_emit(Trace& t, FoldState& fs, Ins ins) {
  sync(t, fs);
  const IrOp was = ins.op;
  Folder f{t, fs, ins};
  for (bool again = true; again;) {
    normalise(f);
    const Fold r = fold_rules(f);
    again = r.kind == Fold::kRetry;
    if (r.kind == Fold::kDone) {
      fs.synced = t.ir.size();
      return r.ref;
    }
  }
  const IrRef ref = cse_or_emit(t, fs, ins);
  if (ins.op == IrOp::GBOUND && ref != kNoRef) fs.bounds.emplace(ins.a, ref);
  note_order(t, fs, ins);  // also for a repeat dropped by CSE: it still holds
  fs.synced = t.ir.size();
  return note_in_range(fs, was, ins, ref);
}

IrRef fold_emit_variant(Trace& t, FoldState& fs, Ins ins) {
  sync(t, fs);
  Folder f{t, fs, ins};
  if (ins.op == IrOp::ADDOV || ins.op == IrOp::SUBOV) {
    const IrOp was = ins.op;
    normalise(f);
    fold_ordered_ov(f);
    return note_in_range(fs, was, ins, t.emit(ins));  // the next sync notices what t.emit appends
  }
  if (ins.op != IrOp::GBOUND) {
    const IrRef ref = t.emit(ins);
    note_order(t, fs, ins);
    return ref;
  }
  if (fold_bound(f, true).kind == Fold::kDone) return kNoRef;
  const IrRef ref = t.emit(ins);
  fs.bounds[ins.a] = ref;  // n varies: a first-iteration GBOUND on it is stale here
  fs.synced = t.ir.size();
  return ref;
}

namespace {
IrRef emit_k(Trace& t, FoldState& fs, IrOp op, IrType type, int64_t imm) {
  sync(t, fs);
  const IrRef ref = intern(t, fs, op, type, imm);
  fs.synced = t.ir.size();
  return ref;
}
}  // namespace

IrRef emit_kint(Trace& t, FoldState& fs, int64_t i) { return emit_k(t, fs, IrOp::KINT, IrType::Int, i); }
IrRef emit_kbool(Trace& t, FoldState& fs, bool b) { return emit_k(t, fs, IrOp::KINT, IrType::Bool, b); }
IrRef emit_kflt(Trace& t, FoldState& fs, double d) {
  return emit_k(t, fs, IrOp::KFLT, IrType::Flt, std::bit_cast<int64_t>(d));
}
IrRef emit_kval(Trace& t, FoldState& fs, Value v) {
  return emit_k(t, fs, IrOp::KVAL, IrType::Val, static_cast<int64_t>(v.bits()));
}
IrRef emit_kptr(Trace& t, FoldState& fs, const void* p) {
  return emit_k(t, fs, IrOp::KPTR, IrType::Ptr, static_cast<int64_t>(reinterpret_cast<uintptr_t>(p)));
}

}  // namespace contrail::jit
