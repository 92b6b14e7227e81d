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
}  // namespace contrail::runtime

namespace contrail::jit {

// Generates a block that boxes every entry of snapshot [snap] of [parent] into
// its frame slot ([r12 + 8*slot]), sets *[vm_sp] = r12 + 8*nslots (skipped
// when [vm_sp] is null), and jumps to the entry of the compiled trace
// [target]; then patches the exit stub of [snap] to jump to the block instead
// of the exit handler. Returns false with a reason in *[why] (code memory
// full, a snapshot value without a boxable type, an exit that rebuilds
// inlined frames, a target that inlines calls); nothing is patched then and
// the exit keeps taking the slow path, which is always correct. Callers link
// a snapshot at most once (Snapshot::linked); a second link would work but
// waste code memory.
bool link_exit(Trace& parent, uint32_t snap, const Trace& target, CodeMemory& mem,
               runtime::Value** vm_sp, std::string* why);

}  // namespace contrail::jit
