// jit/backend.h -- Register allocation and x86-64 code generation for a trace
// (asmjit's assembler), including one exit stub per snapshot and the GC stack
// maps of GC-capable helper calls.
#pragma once

#include <string>

#include "jit/mcode.h"
#include "jit/trace.h"
#include "jit/trampoline.h"

namespace contrail::jit {

// Layout of an exit stub (t.exit_stubs[snap] points at its first byte):
//   +0   mov dword [r13 + kActExitSnapOffset], exit_number(t.id, snap)  (11 bytes)
//   +11  jmp rel32 tramp.exit_handler                  (5 bytes: E9 + rel32)
// To send an exit to a side trace, patch either the jmp at +11 (rel32 from
// stub+16) or the start of the stub with a 5-byte jmp rel32.
inline constexpr size_t kExitStubSize = 16;
inline constexpr size_t kExitStubJmpOffset = 11;

// Compiles [t] (optimised IR) into [mem]. Fills t.mcode, t.mcode_size, t.locs,
// t.exit_stubs, t.stackmaps, t.spill_slots and, when [want_asm], t.asm_text.
// JTRACE targets are looked up in [traces]. LOOP performs the PHI moves of a
// peeled loop and jumps to LOOPSTART (jit/ir.h), or to the trace's first
// instruction when there is no LOOPSTART. Returns false with a reason in
// *[why] when the trace cannot be compiled (too many spill slots, a malformed
// peeled loop, code memory full); nothing is committed then.
bool compile_trace(Trace& t, CodeMemory& mem, const Trampolines& tramp,
                   const uint8_t* const* trace_entries, size_t ntraces,
                   bool want_asm, std::string* why);

}  // namespace contrail::jit
