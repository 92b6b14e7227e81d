// runtime/type_init.h -- Start-up hooks: each type file fills in its Klass
// (slots and methods) and each built-in module file registers its module.
// Vm::init_types() creates every Klass in CT_BUILTIN_TYPES and CT_EXCEPTIONS
// first (kind, name, base, empty dict), then calls these in this order.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace contrail::runtime {

class Vm;

void init_object_type(Vm& vm);      // vm.cpp: object, type, NoneType, singletons
void init_int_type(Vm& vm);         // obj_int.cpp: int, bool
void init_float_type(Vm& vm);       // obj_float.cpp
void init_str_type(Vm& vm);         // obj_str.cpp + str_methods.cpp
void init_tuple_type(Vm& vm);       // obj_tuple.cpp
void init_list_type(Vm& vm);        // obj_list.cpp
void init_dict_type(Vm& vm);        // obj_dict.cpp: dict, views, table
void init_set_type(Vm& vm);         // obj_set.cpp: set, frozenset, set_iterator
void init_misc_types(Vm& vm);       // obj_misc.cpp: range, slice, module, traceback
void init_iter_types(Vm& vm);       // obj_iter.cpp: all iterators, enumerate, zip, map, filter, reversed
void init_func_types(Vm& vm);       // obj_func.cpp: function, builtin, method, code, cell, raw arrays
void init_exception_types(Vm& vm);  // obj_exception.cpp
void init_generator_type(Vm& vm);   // obj_generator.cpp
void init_class_types(Vm& vm);      // obj_class.cpp + obj_instance.cpp: property, super, instances

// Creates the builtins module dict (Vm::builtins): mod_builtins.cpp.
void init_builtins(Vm& vm);

// Built-in modules importable by name (mod_math.cpp, mod_sys.cpp, mod_gc.cpp):
// each creates and returns its module object, or EXCEPTION.
Value make_math_module(Vm& vm);
Value make_sys_module(Vm& vm);
Value make_gc_module(Vm& vm);
Value make_random_module(Vm& vm);  // mod_random.cpp: _random (Mersenne Twister state type)
Value make_time_module(Vm& vm);    // mod_time.cpp: clocks and sleep
// Looks up a built-in module by [name] (creating and caching it in
// sys.modules on first use); NULL when there is no such built-in module.
Value import_builtin_module(Vm& vm, std::string_view name);

}  // namespace contrail::runtime
