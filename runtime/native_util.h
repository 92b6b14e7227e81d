// runtime/native_util.h -- Helpers for writing native (C++) functions and
// methods: argument-count checks with CPython's messages, keyword lookup, and
// registration of methods into a type's dict or a module's dict.
#pragma once

#include <string_view>

#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// Adds a native method [name] to [klass]'s dict.
void add_method(Vm& vm, Klass* klass, const char* name, NativeFn fn);
// Adds a native function [name] to [dict] (module or builtins dict).
void add_function(Vm& vm, Dict* dict, const char* name, NativeFn fn);
// Sets dict[name] = value (interning the name).
void dict_set_name(Vm& vm, Dict* dict, std::string_view name, Value value);

// Checks min <= positional count <= max (max < 0: unbounded) and that no
// keyword arguments were passed. [fname] as CPython prints it ("append",
// "list.append", ...). Messages follow CPython:
//   "f() takes no arguments (1 given)", "f() takes exactly one argument (0 given)",
//   "f expected at least 1 argument, got 0", "f expected at most 2 arguments, got 3".
bool check_args(Vm& vm, const CallArgs& args, const char* fname, int min, int max);
// Raises "f() takes no keyword arguments" when [args] has any.
bool check_no_kwargs(Vm& vm, const CallArgs& args, const char* fname);
// The keyword argument [name], or NULL when absent.
Value kwarg(const CallArgs& args, std::string_view name);
// Raises TypeError "f() got an unexpected keyword argument 'x'" for any
// keyword not in [allowed] (a null-terminated list).
bool check_kwargs(Vm& vm, const CallArgs& args, const char* fname, const char* const* allowed);

}  // namespace contrail::runtime
