// jit/trampoline.h -- The fixed machine code shared by all traces, generated
// once with xbyak and committed to CodeMemory: the entry trampoline and the
// shared exit handler (conventions in jit/abi.h).
#pragma once

#include "jit/abi.h"
#include "jit/mcode.h"

namespace contrail::jit {

struct Trampolines {
  EnterFn enter = nullptr;
  const uint8_t* exit_handler = nullptr;  // exit stubs jump here
};

// Generates both into [mem]; call once, before any trace is compiled.
// Returns null members when [mem] has no room (the JIT then stays off).
Trampolines make_trampolines(CodeMemory& mem);

}  // namespace contrail::jit
