// runtime/modules.cpp -- The table of built-in modules and their cache.
// import_builtin_module() returns the cached module from sys.modules
// (Vm::modules) or creates it once from the table below and caches it.
// Invariant: a built-in module is created at most once per VM (unless the
// program deletes it from sys.modules), so `import sys` everywhere sees the
// same object and its mutations.
// Depends on runtime/ only.
#include <string_view>

#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

// The builtins module: a module object sharing Vm::builtins as its dict.
Value make_builtins_module(Vm& vm) {
  Value m = module_new(vm, "builtins");
  CT_TRY(m);
  m.as<Module>()->dict = vm.builtins;
  return m;
}

struct BuiltinModule {
  std::string_view name;
  Value (*make)(Vm& vm);
};

constexpr BuiltinModule kModules[] = {
    {"_random", make_random_module},
    {"builtins", make_builtins_module},
    {"gc", make_gc_module},
    {"math", make_math_module},
    {"sys", make_sys_module},
    {"time", make_time_module},
};

}  // namespace

Value import_builtin_module(Vm& vm, std::string_view name) {
  const BuiltinModule* entry = nullptr;
  for (const BuiltinModule& m : kModules)
    if (m.name == name) entry = &m;
  if (entry == nullptr) return Value::null();
  Root<Str> key(vm, str_intern(vm, name));
  if (vm.modules != nullptr) {
    Value cached = dict_get_str(vm.modules, key);
    if (!cached.is_null()) return cached;
  } else {
    Value d = dict_new(vm);
    CT_TRY(d);
    vm.modules = d.as<Dict>();
  }
  RootValue module(vm, entry->make(vm));
  CT_TRY(module.get());
  if (!dict_set(vm, vm.modules, Value::object(key.get()), module)) return Value::exception();
  return module;
}

}  // namespace contrail::runtime
