// jit/jit.h -- The narrow interface between the interpreter (src/interp) and
// the tracing JIT: create/destroy, hot-counter overflow, record step, enter
// trace, and end-of-run statistics. Nothing else of jit/ is visible to the
// interpreter.
// Invariants:
//  - At most one trace is being recorded at a time, in one interpreter frame.
//  - A trace runs only from the interpreter's JUMP_BACKWARD to its own loop
//    header, with vm.sp synced and frame->pc at the header; when it returns,
//    the frame's slots, vm.frame (inlined frames rebuilt above the anchor
//    frame), each frame's pc and vm.sp describe the interpreter state to
//    resume (snapshot restore), and the interpreter reloads them.
#pragma once

#include <cstdint>
#include <string>

#include "jit/params.h"

namespace contrail::runtime {
class Vm;
struct Frame;
class Value;
}  // namespace contrail::runtime

namespace contrail::jit {

struct JitOptions {
  Params params;
  bool stats = false;    // --jit-stats: summary on stderr at exit
  bool verbose = false;  // --jit-verbose: events on stderr as they happen
  bool dump = false;     // --jit-dump: bytecode, IR and assembly per trace on stderr
  bool perf_map = false; // --jit-perf-map: name each trace's code in /tmp/perf-PID.map (Linux perf)
};

class Jit;

// Creates the JIT for [vm] and installs it (vm.jit, vm.jit_hotloop, the GC
// root hook). Returns null (interpreter only) if code memory cannot be mapped.
Jit* jit_create(runtime::Vm& vm, const JitOptions& options);
// Prints --jit-stats if asked, then frees everything.
void jit_destroy(Jit* jit);

enum class LoopAction : uint8_t {
  kNone,    // keep interpreting
  kRecord,  // recording started: run the next instructions through record_step
  kRan,     // a trace ran and exited: reload frame->pc and vm.sp
  kNotYet,  // ask again at the loop's next back-edge (the counter stays just below hotloop)
};

// The interpreter's JUMP_BACKWARD counter reached hotloop. frame->pc is the
// loop header (the jump target); vm.sp is synced.
LoopAction on_hot_loop(Jit& jit, runtime::Vm& vm, runtime::Frame* frame);

// Called while recording, before the interpreter executes the instruction at
// [pc] in [frame] (vm.sp synced). Returns false when recording has ended
// (trace compiled or aborted): the interpreter goes back to plain dispatch.
bool record_step(Jit& jit, runtime::Vm& vm, runtime::Frame* frame, const uint32_t* pc);

// Abandons the recording in progress (an exception is being raised, or the
// interpreter is leaving the frame in a way the recorder cannot follow).
void record_abort(Jit& jit, const char* reason);

}  // namespace contrail::jit
