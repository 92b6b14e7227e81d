// jit/trace.h -- A recorded trace: its IR, snapshots, helper-call descriptors,
// and (after the backend ran) its machine code, value locations, exit stubs
// and GC stack maps. Shared by the recorder, the optimiser, the backend, the
// deoptimiser and the stats/dump code.
// Invariants:
//  - snaps[i] describes the interpreter state at a guard: the frame slots
//    (relative to the anchor frame's locals) whose value differs from memory
//    map to IR refs (snap_entries[first .. first+count)); every other slot below
//    `nslots` already holds the right Value in memory.
//  - After compilation, locs[ref] says where every value a snapshot or stack
//    map mentions lives for the whole life of the value (no live-range splitting).
//  - gc_consts holds every heap object whose address appears in the IR or the
//    machine code; the JIT's root hook marks them, so none can be freed while
//    the trace exists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jit/ir.h"

namespace contrail::runtime {
struct Code;
struct Dict;
struct Frame;
struct Function;
struct Klass;
struct Obj;
}  // namespace contrail::runtime

namespace contrail::jit {

// Largest frame (locals + cells + frees + operand stack) a trace inlines.
inline constexpr uint32_t kMaxInlineFrameSlots = 1024;

struct SnapEntry {
  uint32_t slot;  // index from the frame's locals (locals, cells, frees, then operand stack)
  IrRef ref;      // value to box into that slot on exit
};

// A frame slot that a snapshot's exit leaves alone (memory holds its value:
// the trace loaded it and never wrote it) and whose value the trace also has
// unboxed (Int, Flt, Bool) or with its class checked (Val): a side trace from
// that exit takes it over (Recorder::inherit) instead of loading and guarding
// the slot again. Optional: an entry whose value DCE removes, or that the
// backend does not keep until every guard of the snapshot, gets ref kNoRef.
struct CleanEntry {
  uint32_t slot;
  IrRef ref;
  runtime::Klass* klass = nullptr;  // a Val's checked class
};

// A Python frame inlined into the trace, as a snapshot sees it: deoptimisation
// rebuilds it above the anchor frame.
struct SnapFrame {
  runtime::Function* func = nullptr;
  uint32_t base = 0;         // its first local, as a slot index from the anchor frame's locals
  uint32_t pc = 0;           // where it resumes
  uint32_t result_slot = 0;  // where its caller expects the return value (slot index)
  bool init = false;         // Frame::is_init
};

struct Snapshot {
  runtime::Code* code = nullptr;  // the anchor frame's code (RETF changes the anchor mid-trace)
  uint32_t pc = 0;      // instruction index the anchor frame resumes at (the return
                        // point of its call when inlined frames follow)
  uint32_t first_frame = 0;  // into Trace::snap_frames: the inlined frames, outermost first
  uint32_t nframes = 0;
  uint32_t nslots = 0;  // innermost frame's operand-stack top as a slot index: vm.sp = base + nslots
  uint32_t first = 0;   // into Trace::snap_entries
  uint32_t count = 0;
  uint32_t first_clean = 0;  // into Trace::clean_entries
  uint32_t nclean = 0;
  uint32_t taken = 0;   // times this exit was taken (stats, side-trace trigger)
  int32_t side = -1;    // side trace attached to this exit (Jit trace id), -1 none yet, -2 never
  bool link = false;    // the trace's end at a loop: continue in the trace of the loop at
                        // link_pc (in the innermost frame's code) if there is one; else the
                        // interpreter resumes at pc (a back-edge is then counted hot)
  uint32_t link_pc = 0;  // with link: the loop header
  bool linked = false;  // link_exit ran for this exit (jit/exit_link.h); never retried, even if it failed
};

// A return from the trace's anchor frame to the interpreter frame below it
// (RETF). The trace checks the caller is the one recorded, at the same place
// on the VM stack, then continues in it: slot numbers after the RETF are
// relative to the caller's locals.
struct UpReturn {
  runtime::Code* caller_code = nullptr;
  const uint32_t* caller_pc = nullptr;  // Frame::pc saved by the caller's CALL
  runtime::Dict* caller_globals = nullptr;
  int32_t locals_delta = 0;  // caller's locals - anchor's locals, in slots (negative)
  int32_t result_delta = 0;  // anchor's result_slot - anchor's locals, in slots (negative)
  runtime::Frame** vm_frame = nullptr;  // &Vm::frame, kept equal to the anchor
};

// A call from the trace into a C++ helper (System V ABI). Int/Bool/Ptr/Val
// arguments go in general registers in order, Flt arguments in xmm0..7;
// the result (CALL's Ins::type) comes back in rax or xmm0.
struct CallDesc {
  const void* fn = nullptr;
  const char* name = "";   // for dumps
  IrRef args[6] = {kNoRef, kNoRef, kNoRef, kNoRef, kNoRef, kNoRef};
  uint8_t nargs = 0;
  bool can_gc = false;     // may allocate or run Python code: needs a stack map
  bool pure = false;       // computes from its arguments only: touches no memory the trace sees
};

// Where a value lives while it is live.
struct Loc {
  enum Kind : uint8_t { kNone, kGpr, kXmm, kSpill, kConst };
  Kind kind = kNone;
  uint8_t reg = 0;     // kGpr: x86 register number (rax=0 .. r15=15); kXmm: xmm number
  int32_t spill = -1;  // kSpill: spill slot index ([spill_base + 8*spill])
};

// A value a side trace takes over from its parent at entry (PVAL): where the
// parent keeps it at the exit, and the frame slot it belongs to.
struct Inherited {
  Loc from;          // kConst: the parent's constant, payload in imm
  uint32_t slot = 0;
  int64_t imm = 0;
};

// At a GC-capable call: the spill slots that hold Val references live across it.
struct StackMap {
  uint32_t callsite = 0;           // value written to Activation::callsite before the call
  std::vector<int32_t> ref_slots;  // spill slot indices
};

struct Trace {
  int id = -1;
  int parent = -1;                 // side traces: parent trace id and exit
  uint32_t parent_exit = 0;
  runtime::Code* code = nullptr;   // code object of the anchor frame
  uint32_t start_pc = 0;           // root: the loop header; side: the exit's resume pc
  int root = -1;                   // the root trace a side trace belongs to (itself for roots)
  runtime::Code* root_code = nullptr;  // the root's code and loop header
  uint32_t root_pc = 0;
  uint32_t side_depth = 0;         // 0 for a root trace, parent's + 1 for a side trace
  bool is_loop = false;            // closed by LOOP; a root trace without it left its loop (its
                                   // iterations run in side traces)

  std::vector<Ins> ir;
  std::vector<Snapshot> snaps;
  std::vector<SnapEntry> snap_entries;
  std::vector<CleanEntry> clean_entries;  // per snapshot: Snapshot::first_clean, nclean
  std::vector<SnapFrame> snap_frames;
  uint32_t max_depth = 0;   // deepest inlined call (frames rebuilt by an exit)
  uint32_t max_slots = 0;   // highest slot index the trace touches, +1
  std::vector<CallDesc> calls;
  std::vector<UpReturn> returns;  // RETF's imm indexes this
  std::vector<Inherited> inherited;  // PVAL's imm indexes this
  bool inherits = false;  // takes the parent's exit state in registers: its exit jumps here directly
  std::vector<runtime::Obj*> gc_consts;
  std::vector<std::string> recorded;  // bytecode listing of what was recorded (--jit-dump)

  // -- filled by the backend ----------------------------------------------------
  const uint8_t* mcode = nullptr;  // entry point
  size_t mcode_size = 0;
  std::vector<Loc> locs;               // per IR ref
  std::vector<const uint8_t*> exit_stubs;  // per snapshot
  std::vector<StackMap> stackmaps;     // indexed by callsite
  uint32_t spill_slots = 0;
  std::string asm_text;                // assembly listing (only with --jit-dump)

  // -- run-time statistics --------------------------------------------------------
  uint64_t entries = 0;

  IrRef emit(const Ins& ins) {
    ir.push_back(ins);
    return static_cast<IrRef>(ir.size() - 1);
  }
};

}  // namespace contrail::jit
