// src/interp/call.h -- Pushing an interpreter frame for a Python function call.
#pragma once

#include <cstddef>

#include "runtime/frame.h"
#include "runtime/obj_func.h"
#include "runtime/obj_tuple.h"
#include "runtime/vm.h"

namespace contrail::interp {

// Pushes a frame for [fn] whose arguments already sit on the VM stack at
// [locals]: [npos] positional values, then [nkw] keyword values, then (when
// nkw > 0) the kwnames tuple slot. Binds parameters, creates cells, and makes
// the new frame current with Vm::sp at its operand-stack base. On return the
// callee's result is stored in *[result_slot] (unless [is_entry]). Returns null
// with an exception pending (TypeError from binding, RecursionError).
runtime::Frame* push_frame(runtime::Vm& vm, runtime::Function* fn, runtime::Value* locals, size_t npos,
                           size_t nkw, runtime::Tuple* kwnames, runtime::Value* result_slot, bool is_entry);

}  // namespace contrail::interp
