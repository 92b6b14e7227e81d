// jit/liveness.h -- Which fast locals of a code object the bytecode may still
// read at each instruction (backward dataflow over its jumps and exception
// handlers). Snapshots leave out locals that are dead where they resume, and
// loop peeling gives them no PHI: the interpreter writes such a local before
// it reads it, so the stale value left in the frame is never seen.
// Invariants:
//  - Conservative: a local counts as live unless no path from the instruction
//    reads it before writing it. DELETE_FAST counts as a read (it raises on
//    an unbound local).
//  - Code that can look at its frame's locals by other means (the names
//    locals, vars, dir, eval, exec or super appear in it) keeps every local
//    live.
// Depends on runtime/ (Code, bytecode) only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace contrail::runtime {
struct Code;
}  // namespace contrail::runtime

namespace contrail::jit {

class LocalLiveness {
 public:
  explicit LocalLiveness(runtime::Code* code);

  // Whether local [local] may be read at or after instruction [pc] before
  // being written.
  bool live(uint32_t pc, uint32_t local) const {
    if (all_live_ || pc >= ninstr_ || local >= nlocals_) return true;
    return (bits_[std::size_t{pc} * words_ + local / 64] >> (local % 64)) & 1;
  }

 private:
  uint32_t ninstr_ = 0;
  uint32_t nlocals_ = 0;
  uint32_t words_ = 0;      // 64-bit words per instruction
  bool all_live_ = false;
  std::vector<uint64_t> bits_;  // live-in set of each instruction
};

}  // namespace contrail::jit
