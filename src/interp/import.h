// src/interp/import.h -- The import system: built-in modules first, then
// NAME.py in the directories of Vm::search_path (the script's directory first).
// A module is registered in sys.modules before its body runs, so circular
// imports see the partially initialised module, as in CPython.
#pragma once

#include "runtime/obj_str.h"
#include "runtime/vm.h"

namespace contrail::interp {

// Imports [name] (dotted names bind their first component's module, the
// submodule lookup is not supported); the module or EXCEPTION.
runtime::Value import_module(runtime::Vm& vm, runtime::Str* name);
// Compiles and runs [source] as module [module_name] with [filename];
// returns the module or EXCEPTION (SyntaxError raised as an exception).
runtime::Value exec_module_source(runtime::Vm& vm, std::string_view module_name, const std::string& source,
                                  const std::string& filename);

}  // namespace contrail::interp
