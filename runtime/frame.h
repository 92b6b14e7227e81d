// runtime/frame.h -- The interpreter frame layout, shared by the interpreter,
// the GC and (later) the JIT's deoptimiser.
// Frames live in one contiguous array (Vm::frames); their Values live in one
// contiguous VM stack (Vm::stack). A frame's Values are, from `locals` up:
//   [ nlocals fast locals | ncells cells | nfree free cells | operand stack ]
// Invariants:
//  - The GC scans the VM stack from its base to Vm::sp, so every slot below
//    Vm::sp is a valid Value (NULL for empty) whenever an allocation can happen.
//  - A Python-to-Python call does not touch the C stack; a native function that
//    calls back into Python re-enters the interpreter with an entry frame.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace contrail::runtime {

struct Function;
struct Code;
struct Dict;
struct Obj;

struct Frame {
  Function* func;        // null for module code
  Code* code;
  Dict* globals;
  Value* locals;         // first fast local
  Value* stack_base;     // first operand-stack slot
  const uint32_t* pc;    // next instruction to execute (saved on calls)
  Value* result_slot;    // where the caller expects the return value (caller's stack)
  uint32_t is_entry;     // returning from this frame returns to the C++ caller
  uint32_t is_init;      // __init__ run by CALL of a class: *result_slot already holds the
                         // new instance, and returning anything but None is a TypeError
  Obj* gen;              // the generator running in this frame, or null
  Dict* ns;              // class-body namespace for LOAD_NAME/STORE_NAME, or null
};

}  // namespace contrail::runtime
