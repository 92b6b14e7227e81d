// src/interp/interp.h -- The bytecode interpreter: entry points used by the CLI,
// the import system and (through Vm::call_python) by native code calling back
// into Python.
#pragma once

#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/vm.h"

namespace contrail::interp {

// Installs the interpreter's hooks into [vm] (Vm::call_python).
void install(runtime::Vm& vm);
// Runs module-level [code] with [globals]; the result or EXCEPTION.
runtime::Value run_module(runtime::Vm& vm, runtime::Code* code, runtime::Dict* globals);
// Calls the Python function [fn] with [args] from C++ (re-enters the loop).
runtime::Value call_function(runtime::Vm& vm, runtime::Value fn, const runtime::CallArgs& args);

}  // namespace contrail::interp
