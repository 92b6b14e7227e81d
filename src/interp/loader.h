// src/interp/loader.h -- Turns the front end's CodeUnit tree into GC-heap Code
// objects (constants materialised as Values, names interned).
#pragma once

#include "runtime/obj_func.h"
#include "runtime/vm.h"
#include "src/front/code_unit.h"

namespace contrail::interp {

// Materialises [unit] (and nested code units among its constants). Returns a
// Code object Value or EXCEPTION (MemoryError, or a literal that does not load).
runtime::Value load_code(runtime::Vm& vm, const front::CodeUnit& unit);

}  // namespace contrail::interp
