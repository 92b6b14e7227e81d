// jit/backend_x64.cpp -- x86-64 code generation for a trace with asmjit's
// Assembler: the trace body, one exit stub per snapshot, and the GC call-site
// bookkeeping of helper calls. Implements jit/backend.h.
// Invariants:
//  - Register conventions are those of jit/abi.h; locations come from
//    jit/regalloc.cpp and never change during a value's life.
//  - Scratch use per instruction: operand a loads into rax, b into rcx, c into
//    r11, a GPR destination without a register is computed in rdx; for floats
//    a loads into xmm0, b into xmm1, a spilled destination is computed in
//    xmm0. Float constants and the GFLT bound are read RIP-relative from the
//    trace's constant pool (after the exit stubs). Scratch registers never hold
//    a value from one instruction to the next, except inside a fused pair
//    (int or float compare + GTRUE/GFALSE, GKLASS + OBJPTR of one value).
//  - A peeled loop (jit/ir.h) binds a label at LOOPSTART. PHIs emit nothing
//    where they stand; LOOP runs the PHI moves in the order regalloc
//    scheduled them (RegAllocInfo::loop_moves, which may park a value in rax
//    or xmm0), copying memory to memory and materialising constants through
//    rcx, then jumps to LOOPSTART, or to the first instruction without one.
//  - Guards jump forward to their snapshot's exit stub; every stub has the
//    fixed layout documented in jit/backend.h. Jumps that leave the trace
//    (exit handler, JTRACE) are 5-byte rel32 jumps patched after relocation.
//  - Nothing is committed to CodeMemory unless compilation succeeded.
// Depends on jit/ and asmjit only.
#include <asmjit/x86.h>

#include "jit/asm_errors.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "jit/backend.h"
#include "jit/regalloc.h"

namespace contrail::jit {

namespace {

namespace x86 = asmjit::x86;
using asmjit::Imm;
using asmjit::Label;
using x86::CondCode;

constexpr uint64_t kTagObj = 0xFFF9, kTagInt = 0xFFFA, kTagBool = 0xFFFB;
constexpr uint64_t kPayloadMask = (uint64_t{1} << 48) - 1;
// Small ints are 48-bit signed (runtime/value.h; check_small_int tests the same).
constexpr int64_t kSmallIntMax = (int64_t{1} << 47) - 1, kSmallIntMin = -(int64_t{1} << 47);
constexpr uint64_t kSignBit = 0x8000000000000000ull;
constexpr uint8_t kArgGprs[] = {RDI, RSI, RDX, RCX, R8, R9};
constexpr int kMaxArgXmms = 8;


// A jump out of the trace whose rel32 is filled in after relocation.
struct FarJump {
  size_t offset;          // of the E9 opcode
  const uint8_t* target;
};

x86::Gp gpr(uint8_t n) { return x86::gpq(n); }
x86::Mem spill_mem(int32_t slot) { return x86::qword_ptr(x86::rsp, slot * 8); }
bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

class Emitter {
 public:
  Emitter(Trace& t, const RegAllocInfo& ra, x86::Assembler& a, const Trampolines& tramp,
          const uint8_t* const* entries, size_t ntraces, bool want_asm)
      : t_(t), ra_(ra), a_(a), tramp_(tramp), entries_(entries), ntraces_(ntraces),
        want_asm_(want_asm) {}

  bool emit(std::string* why);
  const std::vector<FarJump>& far_jumps() const { return far_; }
  const std::vector<size_t>& stub_offsets() const { return stub_off_; }

 private:
  // -- operands and destinations ------------------------------------------------
  x86::Gp use_gp(IrRef ref, x86::Gp scratch);
  x86::Xmm use_xmm(IrRef ref, x86::Xmm scratch);
  bool const_i32(IrRef ref, int32_t* out) const;
  x86::Gp def_gp(IrRef ref) const;
  x86::Xmm def_xmm(IrRef ref) const;
  void finish_gp(IrRef ref, x86::Gp d);
  void finish_xmm(IrRef ref, x86::Xmm d);
  void move_gp(x86::Gp d, x86::Gp s) { if (d != s) a_.mov(d, s); }
  void move_xmm(x86::Xmm d, x86::Xmm s) { if (d != s) a_.movapd(d, s); }
  void load_imm(x86::Gp d, int64_t v) { a_.mov(d, Imm(v)); }
  x86::Mem pooled(uint64_t bits);
  void constant_pool();
  Label exit_label(const Ins& ins);
  void far_jmp(const uint8_t* target, Label placeholder);

  // -- instruction groups ----------------------------------------------------------
  void ins(IrRef ref);
  void guard_tag(IrRef ref, uint64_t tag, CondCode fail);
  void guard_klass(IrRef ref);
  bool klass_and_objptr(IrRef ref);
  void guard_imm(IrRef ref, CondCode fail);
  void guard_bool(IrRef ref, CondCode fail);
  void return_to_caller(IrRef ref);
  void unary_gp(IrRef ref, IrOp op);
  void binop(IrRef ref, uint32_t inst_id);
  void binop_ov(IrRef ref, uint32_t inst_id);
  void neg_ov(IrRef ref);
  void check_small_int(x86::Gp d, Label exit);
  void find_small_ints();
  void shift(IrRef ref);
  CondCode cmp_operands(const Ins& ins, CondCode cc);
  void compare(IrRef ref, CondCode cc);
  IrRef fused_guard(IrRef ref) const;
  bool compare_and_branch(IrRef ref);
  bool fcompare_and_branch(IrRef ref);
  void fcompare(IrRef ref, IrOp op);
  void fbinop(IrRef ref, uint32_t inst_id);
  void funary(IrRef ref, IrOp op);
  void box_float(IrRef ref);
  void load(IrRef ref);
  x86::Mem indexed_mem(x86::Gp base, IrRef index, int32_t off);
  void store(IrRef ref);
  void prefetch(IrRef ref);
  x86::Mem byte_mem(x86::Gp base, IrRef index, int32_t off);
  void load_byte(IrRef ref);
  void store_byte(IrRef ref);
  void call(IrRef ref);
  void call_args(const CallDesc& desc);
  void loop_move(const LoopMove& m);
  x86::Gp use_move_gp(const LoopMove& m, x86::Gp scratch);
  void loop();
  void inherit_prologue();
  void exit_stubs();

  Trace& t_;
  const RegAllocInfo& ra_;
  x86::Assembler& a_;
  const Trampolines& tramp_;
  const uint8_t* const* entries_;
  size_t ntraces_;
  bool want_asm_;
  std::string error_;
  Label start_, loop_start_, exit_handler_;
  std::vector<Label> exits_;
  std::vector<Label> trace_labels_;
  std::vector<FarJump> far_;
  std::vector<size_t> stub_off_;
  std::vector<uint8_t> small_;  // per ref: an Int always in the small-int range
  std::vector<std::pair<uint64_t, Label>> pool_;  // 64-bit constants read RIP-relative
  bool prologue_done_ = false;  // PVALs moved into place (inherit_prologue)
  // SETSP matters only to a collection during the trace: one without a
  // GC-capable helper call (or a RETF) leaves vm.sp alone; its exits set it
  // (restore_snapshot, exit_link) and so does any trace it jumps to.
  bool needs_sp_ = true;
};

// -- Operands ----------------------------------------------------------------------

x86::Gp Emitter::use_gp(IrRef ref, x86::Gp scratch) {
  const Loc& loc = t_.locs[ref];
  switch (loc.kind) {
    case Loc::kGpr: return gpr(loc.reg);
    case Loc::kSpill: a_.mov(scratch, spill_mem(loc.spill)); return scratch;
    case Loc::kConst: load_imm(scratch, t_.ir[ref].imm); return scratch;
    case Loc::kXmm: a_.movq(scratch, x86::xmm(loc.reg)); return scratch;
    case Loc::kNone: break;
  }
  error_ = "operand without a value";
  return scratch;
}

x86::Xmm Emitter::use_xmm(IrRef ref, x86::Xmm scratch) {
  const Loc& loc = t_.locs[ref];
  switch (loc.kind) {
    case Loc::kXmm: return x86::xmm(loc.reg);
    case Loc::kSpill: a_.movsd(scratch, spill_mem(loc.spill)); return scratch;
    case Loc::kConst:
      if (t_.ir[ref].imm == 0) {  // +0.0
        a_.xorps(scratch, scratch);
        return scratch;
      }
      a_.movsd(scratch, pooled(static_cast<uint64_t>(t_.ir[ref].imm)));
      return scratch;
    case Loc::kGpr: a_.movq(scratch, gpr(loc.reg)); return scratch;
    case Loc::kNone: break;
  }
  error_ = "operand without a value";
  return scratch;
}

// An integer constant usable as a sign-extended imm32.
bool Emitter::const_i32(IrRef ref, int32_t* out) const {
  if (t_.locs[ref].kind != Loc::kConst || t_.ir[ref].op == IrOp::KFLT) return false;
  if (!fits_i32(t_.ir[ref].imm)) return false;
  *out = static_cast<int32_t>(t_.ir[ref].imm);
  return true;
}

x86::Gp Emitter::def_gp(IrRef ref) const {
  const Loc& loc = t_.locs[ref];
  return loc.kind == Loc::kGpr ? gpr(loc.reg) : x86::Gp(x86::rdx);
}

x86::Xmm Emitter::def_xmm(IrRef ref) const {
  const Loc& loc = t_.locs[ref];
  return loc.kind == Loc::kXmm ? x86::xmm(loc.reg) : x86::xmm0;
}

void Emitter::finish_gp(IrRef ref, x86::Gp d) {
  if (t_.locs[ref].kind == Loc::kSpill) a_.mov(spill_mem(t_.locs[ref].spill), d);
}

void Emitter::finish_xmm(IrRef ref, x86::Xmm d) {
  if (t_.locs[ref].kind == Loc::kSpill) a_.movsd(spill_mem(t_.locs[ref].spill), d);
}

Label Emitter::exit_label(const Ins& ins) {
  if (ins.snap >= exits_.size()) {
    error_ = "guard without a snapshot";
    return exits_.empty() ? start_ : exits_[0];
  }
  return exits_[ins.snap];
}

// A 5-byte jmp to a label bound at the very end of the code (so asmjit picks
// the rel32 form); the displacement is replaced by [target] after relocation.
void Emitter::far_jmp(const uint8_t* target, Label placeholder) {
  far_.push_back({a_.offset(), target});
  a_.long_().jmp(placeholder);
}

// -- Guards --------------------------------------------------------------------------

// RETF: checks that the anchor frame returns into the interpreter frame the
// recorder saw (same code, return pc, globals and stack position), then makes
// that caller the anchor. Uses rax (anchor frame) and rcx only.
void Emitter::return_to_caller(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (ins.imm < 0 || static_cast<size_t>(ins.imm) >= t_.returns.size()) {
    error_ = "RETF without a return descriptor";
    return;
  }
  const UpReturn& r = t_.returns[static_cast<size_t>(ins.imm)];
  const Label exit = exit_label(ins);
  auto field = [](size_t off) { return x86::qword_ptr(x86::rax, static_cast<int32_t>(off)); };
  auto caller_field = [](size_t off) {
    return x86::qword_ptr(x86::rax, static_cast<int32_t>(off) - static_cast<int32_t>(kFrameSize));
  };
  a_.mov(x86::rax, x86::qword_ptr(x86::r13, static_cast<int32_t>(kActFrameOffset)));
  a_.cmp(x86::dword_ptr(x86::rax, static_cast<int32_t>(kFrameIsEntryOffset)), Imm(0));
  a_.j(CondCode::kNE, exit);
  a_.cmp(x86::dword_ptr(x86::rax, static_cast<int32_t>(kFrameIsInitOffset)), Imm(0));
  a_.j(CondCode::kNE, exit);
  a_.lea(x86::rcx, x86::qword_ptr(x86::r12, r.result_delta * 8));
  a_.cmp(field(kFrameResultSlotOffset), x86::rcx);
  a_.j(CondCode::kNE, exit);
  a_.lea(x86::rcx, x86::qword_ptr(x86::r12, r.locals_delta * 8));
  a_.cmp(caller_field(kFrameLocalsOffset), x86::rcx);
  a_.j(CondCode::kNE, exit);
  load_imm(x86::rcx, reinterpret_cast<int64_t>(r.caller_code));
  a_.cmp(caller_field(kFrameCodeOffset), x86::rcx);
  a_.j(CondCode::kNE, exit);
  load_imm(x86::rcx, reinterpret_cast<int64_t>(r.caller_pc));
  a_.cmp(caller_field(kFramePcOffset), x86::rcx);
  a_.j(CondCode::kNE, exit);
  load_imm(x86::rcx, reinterpret_cast<int64_t>(r.caller_globals));
  a_.cmp(caller_field(kFrameGlobalsOffset), x86::rcx);
  a_.j(CondCode::kNE, exit);
  a_.cmp(caller_field(kFrameGenOffset), Imm(0));
  a_.j(CondCode::kNE, exit);
  // Commit: the caller is the anchor from here on.
  a_.sub(x86::rax, Imm(static_cast<int32_t>(kFrameSize)));
  a_.mov(x86::qword_ptr(x86::r13, static_cast<int32_t>(kActFrameOffset)), x86::rax);
  load_imm(x86::rcx, reinterpret_cast<int64_t>(r.vm_frame));
  a_.mov(x86::qword_ptr(x86::rcx), x86::rax);
  a_.add(x86::r12, Imm(r.locals_delta * 8));
  a_.mov(x86::qword_ptr(x86::r13, static_cast<int32_t>(kActBaseOffset)), x86::r12);
}

// Exits when the tag of Val a, compared with [tag], satisfies [fail]. An
// unsigned ordering on the tag is the same ordering on the whole Value
// against tag << 48, which needs no shift.
void Emitter::guard_tag(IrRef ref, uint64_t tag, CondCode fail) {
  const Ins& ins = t_.ir[ref];
  if (fail == CondCode::kAE) {
    x86::Gp v = use_gp(ins.a, x86::rcx);
    load_imm(x86::rax, static_cast<int64_t>(tag << 48));
    a_.cmp(v, x86::rax);
    a_.j(fail, exit_label(ins));
    return;
  }
  move_gp(x86::rax, use_gp(ins.a, x86::rax));
  a_.shr(x86::rax, 48);
  a_.cmp(x86::eax, Imm(tag));
  a_.j(fail, exit_label(ins));
}

// Leaves the object pointer in rax (see klass_and_objptr). Subtracting the
// object tag leaves the pointer when the tag matches and a value of 2**48 or
// more otherwise: tag test and untagging in one add, without shifts (ports 0
// and 6 are what float-heavy traces run short of).
void Emitter::guard_klass(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  x86::Gp v = use_gp(ins.a, x86::rcx);
  load_imm(x86::rax, static_cast<int64_t>(0 - (kTagObj << 48)));
  a_.add(x86::rax, v);
  load_imm(x86::rcx, int64_t{1} << 48);
  a_.cmp(x86::rax, x86::rcx);
  a_.j(CondCode::kAE, exit_label(ins));
  load_imm(x86::rcx, ins.imm);  // v is no longer needed
  a_.cmp(x86::qword_ptr(x86::rax), x86::rcx);  // Obj::klass is the first field
  a_.j(CondCode::kNE, exit_label(ins));
}

// GKLASS v followed by OBJPTR v: the pointer the guard computed in rax is
// the OBJPTR's value. (Written only after the guard passed: before it, the
// destination may still hold a value the guard's snapshot needs.)
// Returns false (nothing emitted) when the pattern does not apply.
bool Emitter::klass_and_objptr(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (ins.op != IrOp::GKLASS || ref + 1 >= t_.ir.size()) return false;
  const Ins& p = t_.ir[ref + 1];
  if (p.op != IrOp::OBJPTR || p.a != ins.a) return false;
  guard_klass(ref);
  if (want_asm_) a_.commentf("%04u OBJPTR (fused)", ref + 1);
  x86::Gp d = def_gp(ref + 1);
  move_gp(d, x86::rax);
  finish_gp(ref + 1, d);
  return true;
}

// Compares operand a with the constant imm and exits when [fail] holds:
// GEQV/GEQP (kNE), GBOUND (kBE: exits unless imm <u a, a length).
void Emitter::guard_imm(IrRef ref, CondCode fail) {
  const Ins& ins = t_.ir[ref];
  x86::Gp v = use_gp(ins.a, x86::rax);
  if (fits_i32(ins.imm)) {
    a_.cmp(v, Imm(ins.imm));
  } else {
    load_imm(x86::rcx, ins.imm);
    a_.cmp(v, x86::rcx);
  }
  a_.j(fail, exit_label(ins));
}

void Emitter::guard_bool(IrRef ref, CondCode fail) {
  const Ins& ins = t_.ir[ref];
  if (t_.locs[ins.a].kind == Loc::kConst) {  // a trace's end (close_exit): always leaves
    const bool zero = t_.ir[ins.a].imm == 0;
    if (zero == (fail == CondCode::kE)) a_.jmp(exit_label(ins));
    return;
  }
  x86::Gp v = use_gp(ins.a, x86::rax);
  a_.test(v, v);
  a_.j(fail, exit_label(ins));
}

// -- Integer operations ---------------------------------------------------------------

// UNBOXI, UNBOXB, BOXI, BOXB, OBJPTR, NOT, SLOAD: d = f(a).
void Emitter::unary_gp(IrRef ref, IrOp op) {
  const Ins& ins = t_.ir[ref];
  x86::Gp d = def_gp(ref);
  if (op == IrOp::SLOAD) {
    a_.mov(d, x86::qword_ptr(x86::r12, static_cast<int32_t>(ins.imm * 8)));
    finish_gp(ref, d);
    return;
  }
  if (op == IrOp::OBJPTR || op == IrOp::BOXI) {  // the payload by a mask (no shifts: see guard_klass)
    x86::Gp s = use_gp(ins.a, x86::rax);
    x86::Gp mask = s == x86::rcx ? x86::r11 : x86::rcx;
    load_imm(mask, static_cast<int64_t>(kPayloadMask));
    move_gp(d, s);
    a_.and_(d, mask);
    if (op == IrOp::BOXI) {
      load_imm(x86::rax, static_cast<int64_t>(kTagInt << 48));
      a_.or_(d, x86::rax);
    }
    finish_gp(ref, d);
    return;
  }
  move_gp(d, use_gp(ins.a, x86::rax));
  switch (op) {
    case IrOp::UNBOXI: a_.shl(d, 16); a_.sar(d, 16); break;
    case IrOp::UNBOXB: a_.and_(d, 1); break;
    case IrOp::NOT: a_.xor_(d, 1); break;
    case IrOp::BOXB:
      load_imm(x86::rax, static_cast<int64_t>(kTagBool << 48));
      a_.or_(d, x86::rax);
      break;
    default: error_ = "unary_gp: bad op"; break;
  }
  finish_gp(ref, d);
}

// d = a op b (ADD, SUB, MUL, BAND, BOR, BXOR); b as imm32 when it is a constant.
void Emitter::binop(IrRef ref, uint32_t inst_id) {
  const Ins& ins = t_.ir[ref];
  x86::Gp d = def_gp(ref);
  move_gp(d, use_gp(ins.a, x86::rax));
  int32_t k;
  if (inst_id != x86::Inst::kIdImul && const_i32(ins.b, &k))
    a_.emit(inst_id, d, Imm(k));
  else
    a_.emit(inst_id, d, use_gp(ins.b, x86::rcx));
  finish_gp(ref, d);
}

// Exits unless [d] is a small int (fits 48 bits signed).
void Emitter::check_small_int(x86::Gp d, Label exit) {
  a_.mov(x86::rax, d);
  a_.shl(x86::rax, 16);
  a_.sar(x86::rax, 16);
  a_.cmp(x86::rax, d);
  a_.j(CondCode::kNE, exit);
}

// Fills small_: the Int values that are small ints by construction (UNBOXI,
// the checked ops, small constants) and the PHI targets whose every
// next-iteration value is one (greatest fixpoint: a PHI target stays small
// while its PHI's b does). Unchecked ADD/SUB/MUL, loads and calls are not.
void Emitter::find_small_ints() {
  small_.assign(t_.ir.size(), 0);
  for (IrRef r = 0; r < t_.ir.size(); r++) {
    const Ins& ins = t_.ir[r];
    switch (ins.op) {
      case IrOp::UNBOXI: case IrOp::ADDOV: case IrOp::SUBOV: case IrOp::MULOV: case IrOp::NEGOV:
        small_[r] = 1;
        break;
      case IrOp::KINT:
        small_[r] = ins.type == IrType::Int && ins.imm >= kSmallIntMin && ins.imm <= kSmallIntMax;
        break;
      default: break;
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const Ins& ins : t_.ir)
      if (ins.op == IrOp::PHI && small_[ins.a] && !small_[ins.b]) {
        small_[ins.a] = 0;
        changed = true;
      }
  }
}

// ADDOV, SUBOV, MULOV: the destination is dead on the exit path (it never
// aliases a value the snapshot needs; see jit/regalloc.h). The sum or
// difference of two small ints (48 bits) cannot overflow 64 bits: no jo.
void Emitter::binop_ov(IrRef ref, uint32_t inst_id) {
  const Ins& ins = t_.ir[ref];
  binop(ref, inst_id);
  x86::Gp d = def_gp(ref);
  int32_t k;
  if (ins.op != IrOp::MULOV && small_[ins.a] && const_i32(ins.b, &k) && k != 0) {
    // A small int plus or minus a constant can only leave the range on one
    // side: one compare against that bound.
    const bool up = (ins.op == IrOp::ADDOV) == (k > 0);
    load_imm(x86::rax, up ? kSmallIntMax : kSmallIntMin);
    a_.cmp(d, x86::rax);
    a_.j(up ? CondCode::kG : CondCode::kL, exit_label(ins));
    return;
  }
  if (ins.op == IrOp::MULOV || !small_[ins.a] || !small_[ins.b]) a_.j(CondCode::kO, exit_label(ins));
  check_small_int(d, exit_label(ins));
}

void Emitter::neg_ov(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  x86::Gp d = def_gp(ref);
  move_gp(d, use_gp(ins.a, x86::rax));
  a_.neg(d);
  if (!small_[ins.a]) a_.j(CondCode::kO, exit_label(ins));
  check_small_int(d, exit_label(ins));
  finish_gp(ref, d);
}

// SHR: arithmetic shift by b (an immediate, or in cl).
void Emitter::shift(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  x86::Gp d = def_gp(ref);
  x86::Gp av = use_gp(ins.a, x86::rax);
  int32_t k;
  if (const_i32(ins.b, &k) && k >= 0 && k <= 63) {
    move_gp(d, av);
    a_.sar(d, Imm(k));
    finish_gp(ref, d);
    return;
  }
  move_gp(x86::rcx, use_gp(ins.b, x86::rcx));
  move_gp(d, av);
  a_.sar(d, x86::cl);
  finish_gp(ref, d);
}

// The condition that holds for (y, x) exactly when [cc] holds for (x, y).
CondCode mirrored(CondCode cc) {
  switch (cc) {
    case CondCode::kL: return CondCode::kG;
    case CondCode::kG: return CondCode::kL;
    case CondCode::kLE: return CondCode::kGE;
    case CondCode::kGE: return CondCode::kLE;
    case CondCode::kB: return CondCode::kA;
    case CondCode::kA: return CondCode::kB;
    case CondCode::kBE: return CondCode::kAE;
    case CondCode::kAE: return CondCode::kBE;
    default: return cc;  // E, NE
  }
}

// cmp for the comparison [ins] (a cc b): an imm32 constant on either side
// becomes the immediate (the operands swap when it is a). Returns the
// condition to test afterwards.
CondCode Emitter::cmp_operands(const Ins& ins, CondCode cc) {
  int32_t k;
  if (const_i32(ins.b, &k)) {
    a_.cmp(use_gp(ins.a, x86::rax), Imm(k));
    return cc;
  }
  if (const_i32(ins.a, &k)) {
    a_.cmp(use_gp(ins.b, x86::rcx), Imm(k));
    return mirrored(cc);
  }
  x86::Gp av = use_gp(ins.a, x86::rax);
  a_.cmp(av, use_gp(ins.b, x86::rcx));
  return cc;
}

// LT..ULT: d = (a cc b) as 0/1.
void Emitter::compare(IrRef ref, CondCode cc) {
  const Ins& ins = t_.ir[ref];
  cc = cmp_operands(ins, cc);
  x86::Gp d = def_gp(ref);
  a_.set(cc, x86::al);
  a_.movzx(d.r32(), x86::al);
  finish_gp(ref, d);
}

// An integer comparison whose only use is the guard right after it: cmp and a
// conditional jump to the guard's exit, without materialising the Bool.
// Returns false (nothing emitted) when the pattern does not apply.
// The GTRUE/GFALSE a comparison at [ref] fuses with: the next instruction
// that emits code (constants and NOPs emit none), when it tests [ref] and is
// its last use. kNoRef otherwise.
IrRef Emitter::fused_guard(IrRef ref) const {
  IrRef g = ref + 1;
  while (g < t_.ir.size() && (t_.ir[g].op == IrOp::NOP || ir_is_const(t_.ir[g].op))) ++g;
  if (g >= t_.ir.size()) return kNoRef;
  const Ins& ins = t_.ir[g];
  if ((ins.op != IrOp::GTRUE && ins.op != IrOp::GFALSE) || ins.a != ref || ra_.last_use[ref] != g) return kNoRef;
  return g;
}

bool Emitter::compare_and_branch(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  CondCode cc;
  switch (ins.op) {
    case IrOp::LT: cc = CondCode::kL; break;
    case IrOp::LE: cc = CondCode::kLE; break;
    case IrOp::GT: cc = CondCode::kG; break;
    case IrOp::GE: cc = CondCode::kGE; break;
    case IrOp::EQ: cc = CondCode::kE; break;
    case IrOp::NE: cc = CondCode::kNE; break;
    case IrOp::ULT: cc = CondCode::kB; break;
    default: return false;
  }
  const IrRef gref = fused_guard(ref);
  if (gref == kNoRef) return false;
  const Ins& g = t_.ir[gref];
  if (want_asm_) a_.commentf("%04u %s (fused)", gref, ir_op_name(g.op));
  cc = cmp_operands(ins, cc);
  a_.j(g.op == IrOp::GTRUE ? x86::negateCond(cc) : cc, exit_label(g));
  return true;
}

// -- Float operations ------------------------------------------------------------------

// A float comparison whose only use is the guard right after it: ucomisd and
// a jump to the exit when the guard fails (same NaN rules as fcompare).
// Returns false (nothing emitted) when the pattern does not apply.
bool Emitter::fcompare_and_branch(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  switch (ins.op) {
    case IrOp::FLT: case IrOp::FLE: case IrOp::FGT: case IrOp::FGE: case IrOp::FEQ: case IrOp::FNE: break;
    default: return false;
  }
  const IrRef gref = fused_guard(ref);
  if (gref == kNoRef) return false;
  const Ins& g = t_.ir[gref];
  if (want_asm_) a_.commentf("%04u %s (fused)", gref, ir_op_name(g.op));
  const bool want = g.op == IrOp::GTRUE;  // the value the guard needs
  const Label exit = exit_label(g);
  x86::Xmm x = use_xmm(ins.a, x86::xmm0);
  x86::Xmm y = use_xmm(ins.b, x86::xmm1);
  switch (ins.op) {
    // x < y is y "above" x: CF and ZF clear, which unordered never is.
    case IrOp::FLT: a_.ucomisd(y, x); a_.j(want ? CondCode::kBE : CondCode::kA, exit); break;
    case IrOp::FLE: a_.ucomisd(y, x); a_.j(want ? CondCode::kB : CondCode::kAE, exit); break;
    case IrOp::FGT: a_.ucomisd(x, y); a_.j(want ? CondCode::kBE : CondCode::kA, exit); break;
    case IrOp::FGE: a_.ucomisd(x, y); a_.j(want ? CondCode::kB : CondCode::kAE, exit); break;
    default: {  // FEQ, FNE: equal and ordered is ZF set, PF clear
      a_.ucomisd(x, y);
      if ((ins.op == IrOp::FEQ) != want) {  // exit when equal and ordered
        Label skip = a_.newLabel();
        a_.jp(skip);
        a_.je(exit);
        a_.bind(skip);
      } else {  // exit when different or unordered
        a_.jne(exit);
        a_.jp(exit);
      }
      break;
    }
  }
  return true;
}

// Unordered (NaN) operands make FLT..FEQ false and FNE true: ucomisd sets
// ZF, PF and CF when unordered, so "above" conditions fail on NaN.
void Emitter::fcompare(IrRef ref, IrOp op) {
  const Ins& ins = t_.ir[ref];
  x86::Xmm x = use_xmm(ins.a, x86::xmm0);
  x86::Xmm y = use_xmm(ins.b, x86::xmm1);
  switch (op) {
    case IrOp::FLT: a_.ucomisd(y, x); a_.seta(x86::al); break;
    case IrOp::FLE: a_.ucomisd(y, x); a_.setae(x86::al); break;
    case IrOp::FGT: a_.ucomisd(x, y); a_.seta(x86::al); break;
    case IrOp::FGE: a_.ucomisd(x, y); a_.setae(x86::al); break;
    case IrOp::FEQ:
      a_.ucomisd(x, y);
      a_.sete(x86::al);
      a_.setnp(x86::cl);
      a_.and_(x86::al, x86::cl);
      break;
    case IrOp::FNE:
      a_.ucomisd(x, y);
      a_.setne(x86::al);
      a_.setp(x86::cl);
      a_.or_(x86::al, x86::cl);
      break;
    default: error_ = "fcompare: bad op"; break;
  }
  x86::Gp d = def_gp(ref);
  a_.movzx(d.r32(), x86::al);
  finish_gp(ref, d);
}

// FADD, FSUB, FMUL, FDIV.
void Emitter::fbinop(IrRef ref, uint32_t inst_id) {
  const Ins& ins = t_.ir[ref];
  x86::Xmm d = def_xmm(ref);
  move_xmm(d, use_xmm(ins.a, x86::xmm0));
  a_.emit(inst_id, d, use_xmm(ins.b, x86::xmm1));
  finish_xmm(ref, d);
}

// FNEG, FABS, FSQRT, I2F, UNBOXF.
void Emitter::funary(IrRef ref, IrOp op) {
  const Ins& ins = t_.ir[ref];
  x86::Xmm d = def_xmm(ref);
  switch (op) {
    case IrOp::FNEG:
    case IrOp::FABS:
      move_xmm(d, use_xmm(ins.a, x86::xmm0));
      load_imm(x86::rax, static_cast<int64_t>(op == IrOp::FNEG ? kSignBit : ~kSignBit));
      a_.movq(x86::xmm1, x86::rax);
      if (op == IrOp::FNEG) a_.xorpd(d, x86::xmm1);
      else a_.andpd(d, x86::xmm1);
      break;
    case IrOp::FSQRT: a_.sqrtsd(d, use_xmm(ins.a, x86::xmm0)); break;
    case IrOp::I2F: {
      x86::Gp av = use_gp(ins.a, x86::rax);
      a_.xorps(d, d);  // break the dependency on d's old value
      a_.cvtsi2sd(d, av);
      break;
    }
    case IrOp::UNBOXF: a_.movq(d, use_gp(ins.a, x86::rax)); break;
    default: error_ = "funary: bad op"; break;
  }
  finish_xmm(ref, d);
}

// BOXF: the double's bits as they are. A trace's doubles come from Values
// (whose NaNs are the two canonical ones), constants boxed the same way,
// integer conversions and x86 arithmetic, which turns those NaNs into
// themselves or into its default NaN (the negative canonical one); so every
// NaN here is already canonical (runtime/value.h).
void Emitter::box_float(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  x86::Gp d = def_gp(ref);
  a_.movq(d, use_xmm(ins.a, x86::xmm0));
  finish_gp(ref, d);
}

// -- Memory -----------------------------------------------------------------------------

// LDI, LDP, LDV: d = [a + imm]; LDXV: d = [a + 8*b + imm].
void Emitter::load(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (!fits_i32(ins.imm)) error_ = "load offset out of range";
  const int32_t off = static_cast<int32_t>(ins.imm);
  x86::Gp base = use_gp(ins.a, x86::rax);
  x86::Gp d = def_gp(ref);
  a_.mov(d, ins.op == IrOp::LDXV ? indexed_mem(base, ins.b, off) : x86::qword_ptr(base, off));
  finish_gp(ref, d);
}

// [base + 8*index + off]; a constant index becomes part of the displacement.
x86::Mem Emitter::indexed_mem(x86::Gp base, IrRef index, int32_t off) {
  int32_t k;
  if (const_i32(index, &k) && fits_i32(int64_t{off} + 8 * int64_t{k}))
    return x86::qword_ptr(base, off + 8 * k);
  return x86::qword_ptr(base, use_gp(index, x86::rcx), 3, off);
}

// SSTORE: base[imm] = a; STI: [a + imm] = b; STXV: [a + 8*b + imm] = c.
void Emitter::store(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (ins.op == IrOp::SSTORE) {
    a_.mov(x86::qword_ptr(x86::r12, static_cast<int32_t>(ins.imm * 8)), use_gp(ins.a, x86::rax));
    return;
  }
  if (ins.op == IrOp::SETSP) {
    if (!needs_sp_) return;
    x86::Gp p = use_gp(ins.a, x86::rcx);
    a_.lea(x86::rax, x86::ptr(x86::r12, static_cast<int32_t>(ins.imm * 8)));
    a_.mov(x86::qword_ptr(p), x86::rax);
    return;
  }
  if (!fits_i32(ins.imm)) error_ = "store offset out of range";
  const int32_t off = static_cast<int32_t>(ins.imm);
  x86::Gp base = use_gp(ins.a, x86::rax);
  if (ins.op == IrOp::STI) {
    a_.mov(x86::qword_ptr(base, off), use_gp(ins.b, x86::rcx));
    return;
  }
  const x86::Mem to = indexed_mem(base, ins.b, off);
  a_.mov(to, use_gp(ins.c, x86::r11));
}

// PREFETCH: prefetchw [a + 8*(b + kPrefetchAhead*c) + imm] (b, c Int), or
// [a + b + kPrefetchAhead*c + imm] for byte items (alias kAliasByteItem).
void Emitter::prefetch(IrRef ref) {
  static_assert(kPrefetchAhead == 8, "one lea scales the step by 8");
  const Ins& ins = t_.ir[ref];
  if (!fits_i32(ins.imm)) error_ = "prefetch offset out of range";
  x86::Gp base = use_gp(ins.a, x86::rax);
  x86::Gp index = use_gp(ins.b, x86::rcx);
  int32_t k;
  if (const_i32(ins.c, &k) && fits_i32(int64_t{k} * 8)) {
    a_.lea(x86::rdx, x86::ptr(index, k * 8));
  } else {
    a_.lea(x86::rdx, x86::ptr(index, use_gp(ins.c, x86::r11), 3));
  }
  const uint32_t scale = ins.alias == kAliasByteItem ? 0 : 3;
  a_.prefetchw(x86::ptr(base, x86::rdx, scale, static_cast<int32_t>(ins.imm)));
}

// [base + index + off] for a byte item; a constant index joins the displacement.
x86::Mem Emitter::byte_mem(x86::Gp base, IrRef index, int32_t off) {
  int32_t k;
  if (const_i32(index, &k) && fits_i32(int64_t{off} + k)) return x86::byte_ptr(base, off + k);
  return x86::byte_ptr(base, use_gp(index, x86::rcx), 0, off);
}

// LDXB: d = zero-extended byte [a + b + imm].
void Emitter::load_byte(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (!fits_i32(ins.imm)) error_ = "load offset out of range";
  x86::Gp base = use_gp(ins.a, x86::rax);
  x86::Gp d = def_gp(ref);
  a_.movzx(d.r32(), byte_mem(base, ins.b, static_cast<int32_t>(ins.imm)));
  finish_gp(ref, d);
}

// STXB: byte [a + b + imm] = c (an Int in 0..255: its low byte).
void Emitter::store_byte(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (!fits_i32(ins.imm)) error_ = "store offset out of range";
  x86::Gp base = use_gp(ins.a, x86::rax);
  const x86::Mem to = byte_mem(base, ins.b, static_cast<int32_t>(ins.imm));
  int32_t k;
  if (const_i32(ins.c, &k)) {
    a_.mov(to, Imm(k & 0xFF));
    return;
  }
  a_.mov(to, use_gp(ins.c, x86::r11).r8());
}

// -- Calls --------------------------------------------------------------------------------

// Moves the arguments into rdi.. / xmm0.. (System V). When an argument's
// source register is also an argument register of this call, every register
// source is first staged in the reserved spill slots, which turns the
// parallel move into a sequential one.
void Emitter::call_args(const CallDesc& desc) {
  struct Arg { IrRef ref; bool xmm; uint8_t reg; };
  Arg args[6];
  int ngpr = 0, nxmm = 0;
  bool dst_gpr[16] = {}, dst_xmm[16] = {};
  for (int i = 0; i < desc.nargs; i++) {
    const IrRef r = desc.args[i];
    const bool xmm = is_xmm_type(t_.ir[r].type);
    if (xmm && nxmm >= kMaxArgXmms) { error_ = "too many float arguments"; return; }
    args[i] = {r, xmm, static_cast<uint8_t>(xmm ? nxmm++ : kArgGprs[ngpr++])};
    (xmm ? dst_xmm : dst_gpr)[args[i].reg] = true;
  }
  bool conflict = false;
  for (int i = 0; i < desc.nargs; i++) {
    const Loc& loc = t_.locs[args[i].ref];
    if ((loc.kind == Loc::kGpr && dst_gpr[loc.reg]) || (loc.kind == Loc::kXmm && dst_xmm[loc.reg]))
      conflict = true;
  }
  bool staged[6] = {};
  for (int i = 0; conflict && i < desc.nargs; i++) {
    const Loc& loc = t_.locs[args[i].ref];
    if (loc.kind == Loc::kGpr) a_.mov(spill_mem(i), gpr(loc.reg));
    else if (loc.kind == Loc::kXmm) a_.movsd(spill_mem(i), x86::xmm(loc.reg));
    else continue;
    staged[i] = true;
  }
  for (int i = 0; i < desc.nargs; i++) {
    const Arg& arg = args[i];
    if (arg.xmm && staged[i]) a_.movsd(x86::xmm(arg.reg), spill_mem(i));
    else if (arg.xmm) move_xmm(x86::xmm(arg.reg), use_xmm(arg.ref, x86::xmm(arg.reg)));
    else if (staged[i]) a_.mov(gpr(arg.reg), spill_mem(i));
    else move_gp(gpr(arg.reg), use_gp(arg.ref, gpr(arg.reg)));
  }
}

// No caller-saved register holds a value live after the call (regalloc rule),
// so nothing is saved around it; rsp is 16-byte aligned here.
void Emitter::call(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  if (static_cast<size_t>(ins.imm) >= t_.calls.size()) {
    error_ = "CALL without a descriptor";
    return;
  }
  const CallDesc& desc = t_.calls[ins.imm];
  if (desc.nargs > 6) {
    error_ = "too many call arguments";
    return;
  }
  if (ra_.callsite[ref] >= 0)
    a_.mov(x86::dword_ptr(x86::r13, static_cast<int32_t>(kActCallsiteOffset)),
           Imm((static_cast<uint32_t>(t_.id) << 16) | static_cast<uint32_t>(ra_.callsite[ref])));
  call_args(desc);
  load_imm(x86::rax, static_cast<int64_t>(reinterpret_cast<uintptr_t>(desc.fn)));
  a_.call(x86::rax);
  if (ins.type == IrType::Void) return;
  if (is_xmm_type(ins.type)) {
    x86::Xmm d = def_xmm(ref);
    move_xmm(d, x86::xmm0);
    finish_xmm(ref, d);
  } else {
    x86::Gp d = def_gp(ref);
    if (ins.type == IrType::Bool) a_.movzx(d.r32(), x86::al);  // a C++ bool is only al
    else move_gp(d, x86::rax);
    finish_gp(ref, d);
  }
}

// -- Loops ---------------------------------------------------------------------------------

// One scheduled PHI move. rcx is free here: it is neither allocatable nor a
// scratch of the schedule (jit/regalloc.h).
void Emitter::loop_move(const LoopMove& m) {
  const Loc& d = m.dst;
  const Loc& s = m.src;
  if (d.kind == Loc::kSpill) {
    const x86::Mem to = spill_mem(d.spill);
    if (s.kind == Loc::kConst && fits_i32(m.imm)) a_.mov(to, Imm(m.imm));
    else if (s.kind == Loc::kXmm) a_.movsd(to, x86::xmm(s.reg));
    else a_.mov(to, use_move_gp(m, x86::rcx));
  } else if (d.kind == Loc::kGpr) {
    move_gp(gpr(d.reg), use_move_gp(m, gpr(d.reg)));
  } else if (d.kind == Loc::kXmm) {
    const x86::Xmm to = x86::xmm(d.reg);
    if (s.kind == Loc::kXmm) move_xmm(to, x86::xmm(s.reg));
    else if (s.kind == Loc::kSpill) a_.movsd(to, spill_mem(s.spill));
    else a_.movq(to, use_move_gp(m, x86::rcx));
  } else {
    error_ = "PHI target without a location";
  }
}

// The source of [m] as a general register: its own, or [scratch] loaded from
// a spill slot, a constant or an xmm register.
x86::Gp Emitter::use_move_gp(const LoopMove& m, x86::Gp scratch) {
  const Loc& s = m.src;
  switch (s.kind) {
    case Loc::kGpr: return gpr(s.reg);
    case Loc::kSpill: a_.mov(scratch, spill_mem(s.spill)); return scratch;
    case Loc::kConst: load_imm(scratch, m.imm); return scratch;
    case Loc::kXmm: a_.movq(scratch, x86::xmm(s.reg)); return scratch;
    case Loc::kNone: break;
  }
  error_ = "PHI operand without a value";
  return scratch;
}

// The PVALs of an inheriting side trace: every value moves from where the
// parent kept it at the exit to where this trace wants it, as one parallel
// move (cycles parked in rax / xmm0, which no trace allocates). Runs before
// any other instruction can write an allocated register or spill slot.
void Emitter::inherit_prologue() {
  auto same = [](const Loc& a, const Loc& b) {
    return a.kind == b.kind && (a.kind == Loc::kSpill ? a.spill == b.spill : a.reg == b.reg);
  };
  std::vector<LoopMove> pending;
  for (IrRef r = 0; r < t_.ir.size(); ++r) {
    const Ins& in = t_.ir[r];
    if (in.op != IrOp::PVAL) continue;
    if (in.imm < 0 || static_cast<size_t>(in.imm) >= t_.inherited.size()) {
      error_ = "PVAL without an inherited value";
      return;
    }
    const Loc& dst = t_.locs[r];
    const Loc& src = t_.inherited[static_cast<size_t>(in.imm)].from;
    if (dst.kind == Loc::kNone || same(dst, src)) continue;
    LoopMove m;
    m.dst = dst;
    m.src = src;
    m.imm = t_.inherited[static_cast<size_t>(in.imm)].imm;
    m.type = in.type;
    pending.push_back(m);
  }
  while (!pending.empty()) {
    bool progress = false;
    for (size_t i = 0; i < pending.size(); ++i) {
      bool blocked = false;
      for (size_t j = 0; j < pending.size() && !blocked; ++j)
        blocked = j != i && same(pending[j].src, pending[i].dst);
      if (blocked) continue;
      loop_move(pending[i]);
      pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
      progress = true;
      break;
    }
    if (progress) continue;
    // Only cycles remain: park one source in a scratch register.
    LoopMove park;
    park.src = pending[0].src;
    park.dst.kind = pending[0].type == IrType::Flt ? Loc::kXmm : Loc::kGpr;
    park.dst.reg = pending[0].type == IrType::Flt ? 0 : RAX;
    park.type = pending[0].type;
    loop_move(park);
    for (LoopMove& m : pending)
      if (same(m.src, park.src)) m.src = park.dst;
  }
}

// LOOP: the PHI moves, then back to LOOPSTART (or the trace's start).
void Emitter::loop() {
  for (const LoopMove& m : ra_.loop_moves) loop_move(m);
  a_.jmp(ra_.loop_start != kNoRef ? loop_start_ : start_);
}

// -- Dispatch -------------------------------------------------------------------------------

void Emitter::ins(IrRef ref) {
  const Ins& ins = t_.ir[ref];
  namespace Inst = x86::Inst;
  switch (ins.op) {
    case IrOp::NOP: case IrOp::KINT: case IrOp::KFLT: case IrOp::KVAL: case IrOp::KPTR: break;
    case IrOp::PVAL:  // all of them at the first one
      if (!prologue_done_) inherit_prologue();
      prologue_done_ = true;
      break;
    case IrOp::SLOAD: unary_gp(ref, ins.op); break;
    case IrOp::SSTORE: case IrOp::SETSP: store(ref); break;
    case IrOp::GINT: guard_tag(ref, kTagInt, CondCode::kNE); break;
    case IrOp::GFLT: guard_tag(ref, kTagObj, CondCode::kAE); break;
    case IrOp::GKLASS: guard_klass(ref); break;
    case IrOp::GEQV: case IrOp::GEQP: guard_imm(ref, CondCode::kNE); break;
    case IrOp::GTRUE: guard_bool(ref, CondCode::kZ); break;
    case IrOp::GFALSE: guard_bool(ref, CondCode::kNZ); break;
    case IrOp::GBOUND: guard_imm(ref, CondCode::kBE); break;
    case IrOp::UNBOXI: case IrOp::UNBOXB: case IrOp::BOXI: case IrOp::BOXB:
    case IrOp::OBJPTR: case IrOp::NOT: unary_gp(ref, ins.op); break;
    case IrOp::UNBOXF: funary(ref, ins.op); break;
    case IrOp::BOXF: box_float(ref); break;
    case IrOp::ADD: binop(ref, Inst::kIdAdd); break;
    case IrOp::SUB: binop(ref, Inst::kIdSub); break;
    case IrOp::MUL: binop(ref, Inst::kIdImul); break;
    case IrOp::BAND: binop(ref, Inst::kIdAnd); break;
    case IrOp::BOR: binop(ref, Inst::kIdOr); break;
    case IrOp::BXOR: binop(ref, Inst::kIdXor); break;
    case IrOp::ADDOV: binop_ov(ref, Inst::kIdAdd); break;
    case IrOp::SUBOV: binop_ov(ref, Inst::kIdSub); break;
    case IrOp::MULOV: binop_ov(ref, Inst::kIdImul); break;
    case IrOp::NEGOV: neg_ov(ref); break;
    case IrOp::SHR: shift(ref); break;
    case IrOp::LT: compare(ref, CondCode::kL); break;
    case IrOp::LE: compare(ref, CondCode::kLE); break;
    case IrOp::GT: compare(ref, CondCode::kG); break;
    case IrOp::GE: compare(ref, CondCode::kGE); break;
    case IrOp::EQ: compare(ref, CondCode::kE); break;
    case IrOp::NE: compare(ref, CondCode::kNE); break;
    case IrOp::ULT: compare(ref, CondCode::kB); break;
    case IrOp::FADD: fbinop(ref, Inst::kIdAddsd); break;
    case IrOp::FSUB: fbinop(ref, Inst::kIdSubsd); break;
    case IrOp::FMUL: fbinop(ref, Inst::kIdMulsd); break;
    case IrOp::FDIV: fbinop(ref, Inst::kIdDivsd); break;
    case IrOp::FNEG: case IrOp::FABS: case IrOp::FSQRT: case IrOp::I2F: funary(ref, ins.op); break;
    case IrOp::FLT: case IrOp::FLE: case IrOp::FGT: case IrOp::FGE: case IrOp::FEQ:
    case IrOp::FNE: fcompare(ref, ins.op); break;
    case IrOp::LDI: case IrOp::LDP: case IrOp::LDV: case IrOp::LDXV: load(ref); break;
    case IrOp::STI: case IrOp::STXV: store(ref); break;
    case IrOp::LDXB: load_byte(ref); break;
    case IrOp::STXB: store_byte(ref); break;
    case IrOp::PREFETCH: prefetch(ref); break;
    case IrOp::CALL: call(ref); break;
    case IrOp::LOOPSTART: a_.bind(loop_start_); break;
    case IrOp::PHI: break;  // moved at LOOP
    case IrOp::LOOP: loop(); break;
    case IrOp::RETF: return_to_caller(ref); break;
    case IrOp::JTRACE:
      if (ins.imm < 0 || static_cast<size_t>(ins.imm) >= ntraces_ || !entries_[ins.imm]) {
        error_ = "JTRACE to a trace without code";
        break;
      }
      far_jmp(entries_[ins.imm], trace_labels_.emplace_back(a_.newLabel()));
      break;
  }
}

// One stub per snapshot (layout in jit/backend.h).
// A RIP-relative operand reading [bits] from the trace's constant pool.
x86::Mem Emitter::pooled(uint64_t bits) {
  for (const auto& [b, l] : pool_)
    if (b == bits) return x86::qword_ptr(l);
  pool_.emplace_back(bits, a_.newLabel());
  return x86::qword_ptr(pool_.back().second);
}

// The pool, after the exit stubs (8-byte aligned; read-only like the code).
void Emitter::constant_pool() {
  if (pool_.empty()) return;
  a_.align(asmjit::AlignMode::kData, 8);
  for (const auto& [bits, label] : pool_) {
    a_.bind(label);
    a_.embedUInt64(bits);
  }
}

void Emitter::exit_stubs() {
  for (uint32_t s = 0; s < exits_.size(); s++) {
    a_.bind(exits_[s]);
    stub_off_.push_back(a_.offset());
    // Exit numbers carry the trace id (jit/jit_state.h: exit_number).
    a_.mov(x86::dword_ptr(x86::r13, static_cast<int32_t>(kActExitSnapOffset)),
           Imm((static_cast<uint32_t>(t_.id) << 16) | s));
    far_jmp(tramp_.exit_handler, exit_handler_);
    if (a_.offset() - stub_off_.back() != kExitStubSize) error_ = "exit stub layout changed";
  }
}

bool Emitter::emit(std::string* why) {
  // Exit and call-site numbers keep the index in their low 16 bits.
  if (t_.snaps.size() > 0x10000 || t_.stackmaps.size() > 0x10000) {
    *why = "too many exits or call sites";
    return false;
  }
  start_ = a_.newLabel();
  loop_start_ = a_.newLabel();
  exit_handler_ = a_.newNamedLabel("exit_handler");
  for (size_t s = 0; s < t_.snaps.size(); s++) exits_.push_back(a_.newLabel());
  find_small_ints();
  needs_sp_ = false;
  for (const Ins& ins : t_.ir) {
    if (ins.op == IrOp::RETF) needs_sp_ = true;
    if (ins.op == IrOp::CALL && (static_cast<size_t>(ins.imm) >= t_.calls.size() ||
                                 t_.calls[static_cast<size_t>(ins.imm)].can_gc))
      needs_sp_ = true;
  }
  a_.bind(start_);
  IrOp last = IrOp::NOP;
  for (IrRef ref = 0; ref < t_.ir.size() && error_.empty(); ref++) {
    const IrOp op = t_.ir[ref].op;
    if (op == IrOp::NOP) continue;
    if (want_asm_ && !ir_is_const(op)) a_.commentf("%04u %s", ref, ir_op_name(op));
    if (compare_and_branch(ref) || fcompare_and_branch(ref)) {
      ref = fused_guard(ref);  // what lies between emits nothing
      last = t_.ir[ref].op;
      continue;
    }
    if (klass_and_objptr(ref)) {
      last = t_.ir[++ref].op;
      continue;
    }
    ins(ref);
    last = op;
  }
  if (error_.empty() && last != IrOp::LOOP && last != IrOp::JTRACE)
    error_ = "trace does not end in LOOP or JTRACE";
  exit_stubs();
  constant_pool();
  // Placeholders for the far jumps; their targets are patched in later.
  a_.bind(exit_handler_);
  for (Label l : trace_labels_) a_.bind(l);
  if (!error_.empty()) *why = error_;
  return error_.empty();
}

// Flattens [code], relocates it to its final address, patches far jumps and
// commits it. Returns the address, or null with *[why].
uint8_t* install(asmjit::CodeHolder& code, const Emitter& em, CodeMemory& mem, size_t* size,
                 std::string* why) {
  if (code.flatten() || code.resolveUnresolvedLinks()) {
    *why = "assembler: cannot resolve links";
    return nullptr;
  }
  *size = code.codeSize();
  uint8_t* at = mem.next(*size);
  if (!at) {
    *why = "code memory full";
    return nullptr;
  }
  std::vector<uint8_t> buf(*size);
  if (code.relocateToBase(reinterpret_cast<uint64_t>(at)) ||
      code.copyFlattenedData(buf.data(), buf.size())) {
    *why = "assembler: cannot relocate";
    return nullptr;
  }
  for (const FarJump& j : em.far_jumps()) {
    const int64_t rel = reinterpret_cast<intptr_t>(j.target) -
                        reinterpret_cast<intptr_t>(at + j.offset + 5);
    if (buf[j.offset] != 0xE9 || !fits_i32(rel)) {
      *why = "jump target out of rel32 range";
      return nullptr;
    }
    const int32_t rel32 = static_cast<int32_t>(rel);
    std::memcpy(&buf[j.offset + 1], &rel32, 4);
  }
  if (mem.commit(buf.data(), buf.size()) != at) {
    *why = "code memory full";
    return nullptr;
  }
  return at;
}

}  // namespace

// Keeps the clean entries (jit/trace.h) whose value is still in its location
// at every guard of their snapshot; the others become kNoRef.
void check_clean_entries(Trace& t, const RegAllocInfo& ra) {
  std::vector<uint32_t> last_guard(t.snaps.size(), 0);
  for (IrRef r = 0; r < t.ir.size(); ++r) {
    const uint32_t s = t.ir[r].snap;
    if (t.ir[r].op != IrOp::NOP && s < last_guard.size()) last_guard[s] = std::max(last_guard[s], r);
  }
  for (size_t s = 0; s < t.snaps.size(); ++s) {
    for (uint32_t i = 0; i < t.snaps[s].nclean; ++i) {
      CleanEntry& e = t.clean_entries[t.snaps[s].first_clean + i];
      if (e.ref == kNoRef) continue;
      const Loc& loc = t.locs[e.ref];
      const bool placed = loc.kind == Loc::kGpr || loc.kind == Loc::kXmm || (loc.kind == Loc::kSpill && loc.spill >= 0);
      if (!placed || ra.last_use[e.ref] < last_guard[s]) e.ref = kNoRef;
    }
  }
}

bool compile_trace(Trace& t, CodeMemory& mem, const Trampolines& tramp,
                   const uint8_t* const* trace_entries, size_t ntraces, bool want_asm,
                   std::string* why) {
  RegAllocInfo ra;
  if (!allocate_registers(t, &ra, why)) return false;
  check_clean_entries(t, ra);
  asmjit::CodeHolder code;
  ErrorSink errors;
  asmjit::StringLogger logger;
  code.init(asmjit::Environment::host());
  code.setErrorHandler(&errors);
  if (want_asm) code.setLogger(&logger);
  x86::Assembler a(&code);
  Emitter em(t, ra, a, tramp, trace_entries, ntraces, want_asm);
  if (!em.emit(why)) return false;
  if (errors.error != asmjit::kErrorOk) {
    *why = "assembler: " + errors.text;
    return false;
  }
  size_t size = 0;
  uint8_t* at = install(code, em, mem, &size, why);
  if (!at) return false;
  t.mcode = at;
  t.mcode_size = size;
  t.exit_stubs.clear();
  for (size_t off : em.stub_offsets()) t.exit_stubs.push_back(at + off);
  if (want_asm) t.asm_text.assign(logger.data(), logger.content().size());
  return true;
}

}  // namespace contrail::jit
