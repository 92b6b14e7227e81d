// runtime/mod_gc.cpp -- The gc module: collect(), enable(), disable(),
// isenabled(), over the VM's mark-sweep heap.
// Note: Contrail has no reference counting, so gc.disable() stops all
// automatic collection (CPython's only stops the cycle collector); a heap
// limit (--max-heap) still forces collections when it is reached.
// Depends on runtime/ only.
#include <cstdint>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

// collect(generation=2): a full collection whatever the generation; returns
// the number of objects freed.
Value gc_collect(Vm& vm, const CallArgs& args) {
  static const char* const kAllowed[] = {"generation", nullptr};
  if (!check_kwargs(vm, args, "collect", kAllowed)) return Value::exception();
  size_t n = args.positional.size() + args.kwvalues.size();
  if (n > 1)
    return raise(vm, vm.types.TypeError,
                 "collect() takes at most 1 argument (" + std::to_string(n) + " given)");
  Value gen = !args.positional.empty() ? args.positional[0] : kwarg(args, "generation");
  if (!gen.is_null()) {
    if (!is_int_like(vm, gen))
      return raise(
          vm, vm.types.TypeError,
          std::string("'").append(type_name(vm, gen)).append("' object cannot be interpreted as an integer"));
    int64_t g;
    if (!int_to_int64(gen, &g) || g < 0 || g > 2) return raise(vm, vm.types.ValueError, "invalid generation");
  }
  return int_from_int64(vm, static_cast<int64_t>(vm.heap.collect(vm)));
}

Value gc_enable(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "gc.enable", 0, 0)) return Value::exception();
  vm.heap.set_enabled(true);
  return Value::none();
}

Value gc_disable(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "gc.disable", 0, 0)) return Value::exception();
  vm.heap.set_enabled(false);
  return Value::none();
}

Value gc_isenabled(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "gc.isenabled", 0, 0)) return Value::exception();
  return Value::boolean(vm.heap.enabled());
}

}  // namespace

Value make_gc_module(Vm& vm) {
  Value m = module_new(vm, "gc");
  CT_TRY(m);
  Root<Module> mod(vm, m.as<Module>());
  add_function(vm, mod->dict, "collect", gc_collect);
  add_function(vm, mod->dict, "enable", gc_enable);
  add_function(vm, mod->dict, "disable", gc_disable);
  add_function(vm, mod->dict, "isenabled", gc_isenabled);
  return Value::object(mod.get());
}

}  // namespace contrail::runtime
