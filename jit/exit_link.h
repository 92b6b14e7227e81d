// jit/exit_link.h -- Fast exits: send a trace exit straight to another trace
// (a side trace attached to it, or the compiled loop a trace's end resumes
// at) without the shared exit handler, the C++ deoptimiser or the
// interpreter. Implementation and invariants: jit/exit_link.cpp.
#pragma once

#include <cstdint>
#include <string>

#include "jit/mcode.h"
#include "jit/trace.h"

namespace contrail::runtime {
class Value;
class Vm;
}  // namespace contrail::runtime

namespace contrail::jit {

// For an exit whose target loop runs in an inlined frame of the snapshot: the
// block also writes those frames to the VM's frame array and re-anchors the
// activation on the innermost one (as handle_exit's slow path does), after
// checking there is room for the target's own inlining (Jit::fits); without
// room it continues to the shared exit handler, whose slow path declines.
struct FrameLink {
  runtime::Vm* vm = nullptr;
  uint32_t maxinline = 0;
  const uint8_t* exit_handler = nullptr;
};

// Generates a block that boxes every entry of snapshot [snap] of [parent] into
// its frame slot ([r12 + 8*slot]), sets *[vm_sp] = r12 + 8*nslots (skipped
// when [vm_sp] is null), and jumps to the entry of the compiled trace
// [target]; then patches the exit stub of [snap] to jump to the block instead
// of the exit handler. With [frames] (a loop's trace anchored in the
// snapshot's innermost inlined frame) the block materialises the inlined
// frames first (FrameLink); without, inlined frames stay virtual (the target
// is a side trace that started in them). Returns false with a reason in
// *[why] (code memory full, a snapshot value without a boxable type); nothing
// is patched then and the exit keeps taking the slow path, which is always
// correct. Callers link a snapshot at most once (Snapshot::linked); a second
// link would work but waste code memory.
bool link_exit(Trace& parent, uint32_t snap, const Trace& target, CodeMemory& mem,
               runtime::Value** vm_sp, const FrameLink* frames, std::string* why);

// Patches the exit stub of [snap] to jump straight to [side], a side trace
// that inherits the exit's values where [parent] keeps them (Trace::inherits):
// nothing is written to memory on the way. Same failure rules as link_exit.
bool link_exit_direct(Trace& parent, uint32_t snap, const Trace& side, CodeMemory& mem, std::string* why);

}  // namespace contrail::jit
