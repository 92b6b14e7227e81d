// runtime/obj_generator.h -- Generator objects: a suspended interpreter frame
// kept on the heap between resumptions.
// Invariants:
//  - While suspended, `frame` holds the frame's values exactly as they were on
//    the VM stack ([locals | cells | frees | operand stack], stack_depth operand
//    values), and `pc` is the index of the instruction to resume at.
//  - While running, the values live on the VM stack and `frame` is stale;
//    state == kGenRunning guards against re-entry.
#pragma once

#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

struct Function;
struct Code;
struct ValueArray;

enum GenState : uint8_t { kGenCreated, kGenSuspended, kGenRunning, kGenDone };

struct Generator : Obj {
  Function* func;
  Code* code;
  Dict* globals;
  ValueArray* frame;
  uint32_t pc;
  uint32_t stack_depth;
  uint8_t state;
};

// next(gen): the yielded value, NULL when it finished, EXCEPTION on error.
Value generator_next(Vm& vm, Value gen);
// gen.send(v) / gen.throw(exc) with StopIteration raised on completion.
Value generator_send(Vm& vm, Value gen, Value v);
Value generator_throw(Vm& vm, Value gen, Value exc);
void init_generator_type(Vm& vm);

}  // namespace contrail::runtime
