// jit/exit_link.cpp -- Fast exits (jit/exit_link.h): per-exit blocks that box a
// snapshot's values into the frame and jump to the next trace directly, and
// direct stub patches for side traces that inherit the exit's registers.
// The block runs with the parent trace's registers exactly as at the guard:
// the exit stub only stored its exit number into Activation::exit_snap (left
// as is; nothing reads it unless the next trace exits too, which overwrites it).
// Invariants:
//  - The block reads snapshot values in place (allocated registers, spill slots
//    [rsp + 8*i], IR constants) and writes only rax, rcx, rdx, r11, xmm0 and
//    frame memory. Those scratch registers never hold an allocated value
//    (jit/abi.h), so no value is clobbered before it is stored, in any order.
//  - Boxing matches restore_snapshot (jit/deopt.cpp) bit for bit: Int masks to
//    48 bits and ors kTagInt; Bool keeps bit 0 and ors kTagBool; Flt stores the
//    double's bits with every NaN replaced by kCanonicalNan with its sign
//    (Value::from_double); Val as is.
//  - vm.sp is set to base + nslots exactly as restore_snapshot does. Traces
//    load frame slots lazily (SLOAD at first use), so the next trace may run a
//    GC-capable helper while operand-stack slots above the depth it was
//    entered at still hold the only reference to an object; the GC scans the
//    VM stack up to vm.sp only, so without this store such an object would be
//    freed (and a later exit would make vm.sp cover the dangling slot).
//  - frame->pc is not written: only the interpreter reads it, and every way
//    back to the interpreter goes through restore_snapshot, which sets it.
//    Activation::trace and Activation::callsite are not updated either: exits
//    are decoded from exit_snap, and every GC-capable call sets callsite first.
//  - Statistics: a linked exit no longer reaches handle_exit, so Snapshot::taken,
//    Trace::entries of the next trace and JitStats::exits count only exits that
//    went through C++ (--jit-stats then reports exits to the interpreter, plus
//    the first exits taken before a link existed).
//  - Inlined frames stay virtual for a side trace that started inside them
//    (it carries the frame chain in its own snapshots); room for the deepest
//    inlining (maxinline frames) was checked when the root trace was entered
//    (Jit::fits). A link to a loop's trace anchored in an inlined frame
//    (FrameLink) writes the frames like restore_snapshot, checks Jit::fits
//    for the new anchor in machine code, and re-anchors the activation
//    (Activation::frame/base, vm.frame, r12) before jumping.
//  - Patching: the stub's `jmp rel32` is rewritten through CodeMemory::patch
//    (RW, write, RX: never writable and executable). The VM is single-threaded
//    and the stub being patched is not executing (its exit already left it),
//    so the 4-byte write needs no atomicity. Blocks live in the same region as
//    the traces and are dropped with them by a flush.
// Depends on jit/ (trace, mcode, backend's stub layout) and asmjit only.
#include "jit/exit_link.h"

#include <asmjit/x86.h>

#include "jit/asm_errors.h"

#include <bit>
#include <cstring>
#include <vector>

#include "jit/abi.h"
#include "jit/backend.h"
#include "jit/jit_state.h"
#include "runtime/obj_func.h"
#include "runtime/value.h"
#include "runtime/vm.h"

namespace contrail::jit {

namespace {

namespace x86 = asmjit::x86;
using asmjit::Imm;
using runtime::Value;

constexpr uint8_t kJmpRel32 = 0xE9;
constexpr size_t kJmpSize = 5;

// Scratch registers preloaded with the constants the block needs.
const x86::Gp kIntTagReg = x86::r11;   // kTagInt << 48
const x86::Gp kBoolTagReg = x86::rdx;  // kTagBool << 48
const x86::Gp kNanReg = x86::rcx;      // kCanonicalNan

bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

// Heap objects derive from Obj without virtual functions, so field offsets
// are fixed (as jit/recorder.cpp relies on too).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr int32_t kCodeEntryCounter = static_cast<int32_t>(offsetof(runtime::Code, entry_counter));
#pragma GCC diagnostic pop


// The boxed bits of constant [ins] (as restore_snapshot's box()).
uint64_t boxed_const(const Ins& ins) {
  switch (ins.type) {
    case IrType::Int: return Value::small_int(ins.imm).bits();
    case IrType::Flt: return Value::from_double(std::bit_cast<double>(ins.imm)).bits();
    case IrType::Bool: return Value::boolean(ins.imm & 1).bits();
    default: return static_cast<uint64_t>(ins.imm);  // Val
  }
}

class LinkEmitter {
 public:
  LinkEmitter(const Trace& t, const Snapshot& s, x86::Assembler& a) : t_(t), s_(s), a_(a) {}

  bool emit(Value** vm_sp, const FrameLink* frames, std::string* why);

 private:
  void check_room(const FrameLink& fl, asmjit::Label fail);
  void write_frames(const FrameLink& fl);
  x86::Mem slot_mem(uint32_t slot) const { return x86::qword_ptr(x86::r12, static_cast<int32_t>(8 * slot)); }
  x86::Gp raw_gp(const Loc& loc);
  void store_const(uint32_t slot, const Ins& ins);
  void store_flt(uint32_t slot, const Loc& loc);
  void entry(const SnapEntry& e);

  const Trace& t_;
  const Snapshot& s_;
  x86::Assembler& a_;
};

// The raw 64 bits of a non-constant value: its register, or rax loaded from
// its xmm register or spill slot.
x86::Gp LinkEmitter::raw_gp(const Loc& loc) {
  switch (loc.kind) {
    case Loc::kGpr: return x86::gpq(loc.reg);
    case Loc::kXmm: a_.movq(x86::rax, x86::xmm(loc.reg)); return x86::rax;
    default: a_.mov(x86::rax, x86::qword_ptr(x86::rsp, loc.spill * 8)); return x86::rax;
  }
}

void LinkEmitter::store_const(uint32_t slot, const Ins& ins) {
  const int64_t bits = static_cast<int64_t>(boxed_const(ins));
  if (fits_i32(bits)) {
    a_.mov(slot_mem(slot), Imm(bits));
  } else {
    a_.mov(x86::rax, Imm(bits));
    a_.mov(slot_mem(slot), x86::rax);
  }
}

// ucomisd sets PF only for an unordered compare: x is NaN.
void LinkEmitter::store_flt(uint32_t slot, const Loc& loc) {
  x86::Xmm x = x86::xmm0;
  if (loc.kind == Loc::kXmm) {
    x = x86::xmm(loc.reg);
    a_.movq(x86::rax, x);
  } else {
    x86::Gp r = raw_gp(loc);
    if (r != x86::rax) a_.mov(x86::rax, r);
    a_.movq(x86::xmm0, x86::rax);
  }
  asmjit::Label done = a_.newLabel();
  a_.ucomisd(x, x);
  a_.jnp(done);
  a_.shr(x86::rax, 63);  // the sign, on kCanonicalNan
  a_.shl(x86::rax, 63);
  a_.or_(x86::rax, kNanReg);
  a_.bind(done);
  a_.mov(slot_mem(slot), x86::rax);
}

void LinkEmitter::entry(const SnapEntry& e) {
  const Ins& ins = t_.ir[e.ref];
  const Loc& loc = t_.locs[e.ref];
  if (loc.kind == Loc::kConst) return store_const(e.slot, ins);
  switch (ins.type) {
    case IrType::Val: a_.mov(slot_mem(e.slot), raw_gp(loc)); break;
    case IrType::Int: {
      x86::Gp r = raw_gp(loc);
      if (r != x86::rax) a_.mov(x86::rax, r);
      a_.shl(x86::rax, 16);
      a_.shr(x86::rax, 16);
      a_.or_(x86::rax, kIntTagReg);
      a_.mov(slot_mem(e.slot), x86::rax);
      break;
    }
    case IrType::Bool: {
      x86::Gp r = raw_gp(loc);
      if (r != x86::rax) a_.mov(x86::eax, r.r32());
      a_.and_(x86::eax, 1);  // zero-extends
      a_.or_(x86::rax, kBoolTagReg);
      a_.mov(slot_mem(e.slot), x86::rax);
      break;
    }
    case IrType::Flt: store_flt(e.slot, loc); break;
    default: break;  // rejected by emit()
  }
}

// Jit::fits(inner) for inner = act->frame + nframes, in machine code: room
// in the frame array, below the recursion limit (which sys.setrecursionlimit
// may change) and on the VM stack for the target's deepest inlining.
void LinkEmitter::check_room(const FrameLink& fl, asmjit::Label fail) {
  runtime::Vm& vm = *fl.vm;
  const int64_t n = fl.maxinline;
  const SnapFrame& inner = t_.snap_frames[s_.first_frame + s_.nframes - 1];
  a_.mov(x86::rax, x86::qword_ptr(x86::r13, static_cast<int32_t>(kActFrameOffset)));
  a_.add(x86::rax, Imm(static_cast<int64_t>(s_.nframes * kFrameSize)));  // inner
  a_.mov(x86::rcx, Imm(reinterpret_cast<int64_t>(vm.frames_limit) - (n + 1) * static_cast<int64_t>(kFrameSize)));
  a_.cmp(x86::rax, x86::rcx);
  a_.jae(fail);
  // depth(inner) + n < recursion_limit, depth(f) = f - frames + 1
  a_.mov(x86::rcx, Imm(reinterpret_cast<int64_t>(&vm.recursion_limit)));
  a_.movsxd(x86::rcx, x86::dword_ptr(x86::rcx));
  a_.sub(x86::rcx, Imm(n + 1));
  a_.imul(x86::rcx, x86::rcx, Imm(static_cast<int32_t>(kFrameSize)));
  a_.mov(x86::rdx, Imm(reinterpret_cast<int64_t>(vm.frames)));
  a_.sub(x86::rax, x86::rdx);
  a_.cmp(x86::rax, x86::rcx);
  a_.jge(fail);
  const int64_t need = 8 * (static_cast<int64_t>(inner.base) + inner.func->code->frame_size() +
                            (n + 1) * static_cast<int64_t>(kMaxInlineFrameSlots));
  a_.mov(x86::rax, Imm(need));
  a_.add(x86::rax, x86::r12);
  a_.mov(x86::rcx, Imm(reinterpret_cast<int64_t>(vm.stack_limit)));
  a_.cmp(x86::rax, x86::rcx);
  a_.jae(fail);
}

// restore_snapshot's frame part: the anchor's resume pc, each inlined frame
// above it, then the activation moves to the innermost one (r12 included).
void LinkEmitter::write_frames(const FrameLink& fl) {
  auto put = [&](int32_t disp, int64_t v) {
    if (fits_i32(v)) {
      a_.mov(x86::qword_ptr(x86::rax, disp), Imm(v));
    } else {
      a_.mov(x86::rcx, Imm(v));
      a_.mov(x86::qword_ptr(x86::rax, disp), x86::rcx);
    }
  };
  auto put_slot_ptr = [&](int32_t disp, int64_t slot) {
    a_.lea(x86::rcx, x86::qword_ptr(x86::r12, static_cast<int32_t>(8 * slot)));
    a_.mov(x86::qword_ptr(x86::rax, disp), x86::rcx);
  };
  auto at = [](uint32_t k, size_t off) { return static_cast<int32_t>(k * kFrameSize + off); };
  a_.mov(x86::rax, x86::qword_ptr(x86::r13, static_cast<int32_t>(kActFrameOffset)));
  put(at(0, kFramePcOffset), reinterpret_cast<int64_t>(s_.code->code() + s_.pc));
  for (uint32_t k = 0; k < s_.nframes; ++k) {
    const SnapFrame& sf = t_.snap_frames[s_.first_frame + k];
    runtime::Code* c = sf.func->code;
    const uint32_t f = k + 1;
    put(at(f, offsetof(runtime::Frame, func)), reinterpret_cast<int64_t>(sf.func));
    put(at(f, kFrameCodeOffset), reinterpret_cast<int64_t>(c));
    put(at(f, kFrameGlobalsOffset), reinterpret_cast<int64_t>(sf.func->globals));
    put_slot_ptr(at(f, kFrameLocalsOffset), sf.base);
    put_slot_ptr(at(f, offsetof(runtime::Frame, stack_base)), int64_t{sf.base} + c->nlocals + c->ncells + c->nfree);
    put(at(f, kFramePcOffset), reinterpret_cast<int64_t>(c->code() + sf.pc));
    put_slot_ptr(at(f, kFrameResultSlotOffset), sf.result_slot);
    a_.mov(x86::dword_ptr(x86::rax, at(f, kFrameIsEntryOffset)), Imm(0));
    a_.mov(x86::dword_ptr(x86::rax, at(f, kFrameIsInitOffset)), Imm(sf.init ? 1 : 0));
    put(at(f, kFrameGenOffset), 0);
    put(at(f, offsetof(runtime::Frame, ns)), 0);
    a_.mov(x86::rcx, Imm(reinterpret_cast<int64_t>(c)));
    a_.add(x86::dword_ptr(x86::rcx, kCodeEntryCounter), Imm(1));
  }
  const SnapFrame& inner = t_.snap_frames[s_.first_frame + s_.nframes - 1];
  a_.add(x86::rax, Imm(static_cast<int64_t>(s_.nframes * kFrameSize)));
  a_.mov(x86::qword_ptr(x86::r13, static_cast<int32_t>(kActFrameOffset)), x86::rax);
  a_.mov(x86::rcx, Imm(reinterpret_cast<int64_t>(&fl.vm->frame)));
  a_.mov(x86::qword_ptr(x86::rcx), x86::rax);
  a_.add(x86::r12, Imm(static_cast<int32_t>(8 * inner.base)));
  a_.mov(x86::qword_ptr(x86::r13, static_cast<int32_t>(kActBaseOffset)), x86::r12);
}

bool LinkEmitter::emit(Value** vm_sp, const FrameLink* frames, std::string* why) {
  asmjit::Label fail;
  if (frames != nullptr) {
    if (s_.nframes == 0 || frames->vm == nullptr || frames->exit_handler == nullptr) {
      *why = "frame link without inlined frames";
      return false;
    }
    fail = a_.newLabel();
    check_room(*frames, fail);
  }
  bool need_int = false, need_bool = false, need_nan = false;
  for (uint32_t i = 0; i < s_.count; i++) {
    const SnapEntry& e = t_.snap_entries[s_.first + i];
    if (e.ref >= t_.ir.size() || e.ref >= t_.locs.size()) {
      *why = "snapshot entry out of range";
      return false;
    }
    const IrType type = t_.ir[e.ref].type;
    const Loc& loc = t_.locs[e.ref];
    if (type != IrType::Int && type != IrType::Flt && type != IrType::Bool && type != IrType::Val) {
      *why = "snapshot value of a non-Python type";
      return false;
    }
    if (loc.kind == Loc::kNone || (loc.kind == Loc::kSpill && loc.spill < 0)) {
      *why = "snapshot value without a location";
      return false;
    }
    if (loc.kind == Loc::kConst) continue;
    need_int |= type == IrType::Int;
    need_bool |= type == IrType::Bool;
    need_nan |= type == IrType::Flt;
  }
  if (need_int) a_.mov(kIntTagReg, Imm(static_cast<int64_t>(Value::kTagInt << Value::kTagShift)));
  if (need_bool) a_.mov(kBoolTagReg, Imm(static_cast<int64_t>(Value::kTagBool << Value::kTagShift)));
  if (need_nan) a_.mov(kNanReg, Imm(static_cast<int64_t>(Value::kCanonicalNan)));
  for (uint32_t i = 0; i < s_.count; i++) entry(t_.snap_entries[s_.first + i]);
  if (vm_sp != nullptr) {
    a_.lea(x86::rax, slot_mem(s_.nslots));
    a_.mov(x86::rcx, Imm(static_cast<int64_t>(reinterpret_cast<uintptr_t>(vm_sp))));
    a_.mov(x86::qword_ptr(x86::rcx), x86::rax);
  }
  if (frames != nullptr) {
    write_frames(*frames);
    // The block's trailing jmp goes to the target; the room check's failure
    // takes the exit stub's original way (its exit number is stored).
    asmjit::Label done = a_.newLabel();
    a_.jmp(done);
    a_.bind(fail);
    a_.mov(x86::rax, Imm(reinterpret_cast<int64_t>(frames->exit_handler)));
    a_.jmp(x86::rax);
    a_.bind(done);
  }
  return true;
}

// The exit stub of [snap] still has its original layout (jit/backend.h) and
// names this exit.
bool stub_intact(const Trace& t, uint32_t snap, const CodeMemory& mem) {
  const uint8_t* stub = t.exit_stubs[snap];
  if (!mem.contains(stub) || !mem.contains(stub + kExitStubSize - 1)) return false;
  uint32_t number;
  std::memcpy(&number, stub + 7, 4);  // imm32 of `mov dword [r13 + disp32], imm32`
  return stub[kExitStubJmpOffset] == kJmpRel32 && number == exit_number(t.id, snap);
}

// Places [body] followed by `jmp rel32 target` in [mem]; returns its address.
uint8_t* commit_block(asmjit::CodeHolder& code, const uint8_t* target, CodeMemory& mem, std::string* why) {
  if (code.flatten() || code.resolveUnresolvedLinks()) {
    *why = "assembler: cannot resolve links";
    return nullptr;
  }
  const size_t body = code.codeSize();
  uint8_t* at = mem.next(body + kJmpSize);
  if (at == nullptr) {
    *why = "code memory full";
    return nullptr;
  }
  std::vector<uint8_t> buf(body + kJmpSize);
  if (code.relocateToBase(reinterpret_cast<uint64_t>(at)) || code.copyFlattenedData(buf.data(), body)) {
    *why = "assembler: cannot relocate";
    return nullptr;
  }
  const int64_t rel = reinterpret_cast<intptr_t>(target) - reinterpret_cast<intptr_t>(at + buf.size());
  if (!fits_i32(rel)) {
    *why = "jump target out of rel32 range";
    return nullptr;
  }
  const int32_t rel32 = static_cast<int32_t>(rel);
  buf[body] = kJmpRel32;
  std::memcpy(&buf[body + 1], &rel32, 4);
  if (mem.commit(buf.data(), buf.size()) != at) {
    *why = "code memory full";
    return nullptr;
  }
  return at;
}

// Points the stub's jmp rel32 (relative to the end of the stub) at [to].
bool patch_stub(Trace& parent, uint32_t snap, const uint8_t* to, CodeMemory& mem, std::string* why) {
  uint8_t* jmp = const_cast<uint8_t*>(parent.exit_stubs[snap]) + kExitStubJmpOffset;
  const int64_t rel = reinterpret_cast<intptr_t>(to) - reinterpret_cast<intptr_t>(jmp + kJmpSize);
  if (!fits_i32(rel)) {
    *why = "block out of rel32 range";  // cannot happen: one region of at most 2 GiB
    return false;
  }
  const int32_t rel32 = static_cast<int32_t>(rel);
  mem.patch(jmp + 1, &rel32, sizeof rel32);
  return true;
}

}  // namespace

bool link_exit_direct(Trace& parent, uint32_t snap, const Trace& side, CodeMemory& mem, std::string* why) {
  if (snap >= parent.snaps.size() || snap >= parent.exit_stubs.size() || side.mcode == nullptr) {
    *why = "no such exit";
    return false;
  }
  if (!stub_intact(parent, snap, mem)) {
    *why = "exit stub not in its original layout";
    return false;
  }
  return patch_stub(parent, snap, side.mcode, mem, why);
}

bool link_exit(Trace& parent, uint32_t snap, const Trace& target, CodeMemory& mem, Value** vm_sp,
               const FrameLink* frames, std::string* why) {
  if (snap >= parent.snaps.size() || snap >= parent.exit_stubs.size() || target.mcode == nullptr) {
    *why = "no such exit";
    return false;
  }
  if (!stub_intact(parent, snap, mem)) {
    *why = "exit stub not in its original layout";
    return false;
  }
  asmjit::CodeHolder code;
  ErrorSink errors;
  code.init(asmjit::Environment::host());
  code.setErrorHandler(&errors);
  x86::Assembler a(&code);
  LinkEmitter em(parent, parent.snaps[snap], a);
  if (!em.emit(vm_sp, frames, why)) return false;
  if (errors.error != asmjit::kErrorOk) {
    *why = "assembler: " + errors.text;
    return false;
  }
  uint8_t* block = commit_block(code, target.mcode, mem, why);
  if (block == nullptr) return false;
  return patch_stub(parent, snap, block, mem, why);
}

}  // namespace contrail::jit
