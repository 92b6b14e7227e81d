// jit/jit_state.h -- The JIT's private state: trace registry, code memory,
// the recording in progress, active trace activations and statistics.
// Shared by jit/jit.cpp (control), jit/deopt.cpp (exits) and jit/stats.cpp.
// Invariants:
//  - traces[id] is null for a flushed trace; entries[id] is its machine code
//    (null while not compiled or after a flush).
//  - An exit number (Activation::exit_snap) and a call-site number
//    (Activation::callsite) both carry the trace id in their high 16 bits and
//    the snapshot / stack-map index in the low 16 bits, so an exit taken after
//    a side trace jumped back into its root names the right trace.
//  - active is the innermost running activation; each links to the one it
//    interrupted (a helper that re-entered the interpreter).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/abi.h"
#include "jit/jit.h"
#include "jit/mcode.h"
#include "jit/recorder.h"
#include "jit/trace.h"
#include "jit/trampoline.h"

namespace contrail::runtime {
class Vm;
struct Code;
struct Frame;
}  // namespace contrail::runtime

namespace contrail::jit {

inline constexpr uint32_t kExitIdShift = 16;
inline constexpr uint32_t kExitIndexMask = 0xffff;
inline uint32_t exit_number(int trace_id, uint32_t index) {
  return (static_cast<uint32_t>(trace_id) << kExitIdShift) | index;
}

struct LoopKey {
  const runtime::Code* code;
  uint32_t pc;
  bool operator==(const LoopKey&) const = default;
};
struct LoopKeyHash {
  size_t operator()(const LoopKey& k) const {
    return std::hash<const void*>()(k.code) * 31 + k.pc;
  }
};

struct JitStats {
  uint64_t recorded = 0, compiled = 0, aborted = 0, side_compiled = 0, blacklisted = 0, flushes = 0;
  uint64_t exits = 0, entries = 0, ir_total = 0, mcode_total = 0;
  double compile_seconds = 0, trace_seconds = 0;
  std::map<std::string, uint64_t> abort_reasons;  // "reason (file:line)" -> count
};

class Jit {
 public:
  Jit(runtime::Vm& vm, const JitOptions& options);

  runtime::Vm& vm;
  JitOptions options;
  CodeMemory mem;
  Trampolines tramp;
  size_t tramp_bytes = 0;

  std::vector<std::unique_ptr<Trace>> traces;
  std::vector<const uint8_t*> entries;
  std::unordered_map<LoopKey, int, LoopKeyHash> roots;       // loop header -> root trace id
  std::unordered_map<LoopKey, uint32_t, LoopKeyHash> aborts;  // loop header -> recording aborts
  std::unordered_map<LoopKey, uint32_t, LoopKeyHash> unlucky; // loop header -> recordings that left the loop
  // After an unlucky recording, the next one waits until the loop is well
  // into a run: several back-edges in one activation (frame, Code::entry_counter).
  struct Streak {
    const runtime::Frame* frame = nullptr;
    uint32_t activation = 0;
    uint32_t run = 0;    // consecutive back-edges seen in that activation
    uint32_t waits = 0;  // back-edges passed over since the last recording
  };
  std::unordered_map<LoopKey, Streak, LoopKeyHash> streaks;
  uint64_t unlucky_rng = 0x9e3779b97f4a7c15ull;  // LCG state: random back-off after unlucky recordings
  std::unordered_map<uint64_t, uint32_t> side_aborts;         // exit number -> recording aborts

  // Recording in progress.
  std::unique_ptr<Recorder> rec;
  std::unique_ptr<Trace> rec_trace;
  // A side trace to start recording once the current trace has returned.
  int side_request_trace = -1;
  uint32_t side_request_snap = 0;

  Activation* active = nullptr;
  JitStats stats;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  // The compiled root trace of the loop whose header is [pc] of [code], or -1.
  int root_at(const runtime::Code* code, uint32_t pc) const;
  // True when the deepest inlining any trace may do (maxinline frames of at
  // most kMaxInlineFrameSlots slots) fits above [anchor]: the recursion
  // limit, the frame array and the VM stack. Checked at root-trace entry.
  bool fits(const runtime::Frame* anchor) const;
  // "file:line" of instruction [pc] of [code].
  std::string where(const runtime::Code* code, uint32_t pc) const;
  void verbose(const std::string& line) const;
};

// Exit handling (jit/deopt.cpp): called by the shared exit handler.
const void* handle_exit(Activation* act);
// Writes the values of snapshot [snap] of [t] into the frame at act->base and
// sets the frame's pc and vm.sp from it.
void restore_snapshot(Activation* act, const Trace& t, uint32_t snap);

// Prints the --jit-stats summary (jit/stats.cpp).
void print_stats(const Jit& jit);
// Prints one trace for --jit-dump (jit/stats.cpp).
void dump_trace(const Jit& jit, const Trace& t);

}  // namespace contrail::jit
