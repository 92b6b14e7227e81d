// src/interp/import.cpp -- import: sys.modules cache, built-in modules, .py files.
#include "src/interp/import.h"

#include <fstream>
#include <sstream>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "src/front/front.h"
#include "src/interp/frozen_lib.h"
#include "src/interp/interp.h"
#include "src/interp/loader.h"

namespace contrail::interp {

using namespace runtime;

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

Value raise_syntax_error(Vm& vm, const front::SyntaxErrorInfo& err) {
  Klass* k = vm.types.SyntaxError;
  if (err.kind == "IndentationError") k = vm.types.IndentationError;
  if (err.kind == "TabError") k = vm.types.TabError;
  std::string msg = err.message;
  if (err.line > 0) msg += " (" + err.filename.substr(err.filename.find_last_of('/') + 1) + ", line " +
                           std::to_string(err.line) + ")";
  return raise(vm, k, msg);
}

// The directories to search: sys.path when the program imported sys (it may
// have changed the list), else the VM's initial search path.
std::vector<std::string> search_dirs(Vm& vm) {
  Value sys = dict_get_str(vm.modules, str_intern(vm, "sys"));
  if (sys.is_obj() && sys.as_obj()->klass == vm.types.module) {
    Value path = dict_get_str(sys.as<Module>()->dict, str_intern(vm, "path"));
    if (path.is_obj() && path.as_obj()->klass->kind == TypeKind::LIST) {
      std::vector<std::string> dirs;
      const List* l = path.as<List>();
      for (uint64_t i = 0; i < l->size; i++) {
        Value v = list_item(l, i);
        if (v.is_obj() && v.as_obj()->klass == vm.types.str) dirs.emplace_back(v.as<Str>()->view());
      }
      return dirs;
    }
  }
  return vm.search_path;
}

}  // namespace

Value exec_module_source(Vm& vm, std::string_view module_name, const std::string& source,
                         const std::string& filename) {
  front::CompileResult cr = front::compile_source(source, filename);
  if (cr.error) return raise_syntax_error(vm, *cr.error);
  RootValue module(vm, module_new(vm, module_name));
  if (module.get().is_exception()) return module;
  Dict* globals = module.get().as<Module>()->dict;
  RootValue file(vm, str_new(vm, filename));
  if (file.get().is_exception()) return file;
  dict_set_name(vm, globals, "__file__", file);
  dict_set_name(vm, globals, "__builtins__", Value::object(vm.builtins));
  if (!dict_set(vm, vm.modules, Value::object(module.get().as<Module>()->name), module)) return Value::exception();
  RootValue code(vm, load_code(vm, *cr.code));
  if (code.get().is_exception()) return code;
  Value r = run_module(vm, code.get().as<Code>(), module.get().as<Module>()->dict);
  if (r.is_exception()) {
    RootValue pending(vm, vm.pending);
    vm.pending = Value::null();
    Value removed = dict_pop(vm, vm.modules, Value::object(module.get().as<Module>()->name));
    (void)removed;
    vm.pending = pending;
    return r;
  }
  return module;
}

Value import_module(Vm& vm, Str* name) {
  std::string_view full = name->view();
  std::string_view top = full.substr(0, full.find('.'));
  Root<Str> rname(vm, str_intern(vm, top));
  Value cached = dict_get_str(vm.modules, rname);
  if (!cached.is_null()) return cached;
  Value builtin = import_builtin_module(vm, top);
  if (!builtin.is_null()) return builtin;
  for (const FrozenModule& m : frozen_modules())
    if (m.name == top) return exec_module_source(vm, top, std::string(m.source), "<frozen " + std::string(top) + ">");
  for (const std::string& dir : search_dirs(vm)) {
    std::string path = (dir.empty() ? std::string(".") : dir) + "/" + std::string(top) + ".py";
    std::string source;
    if (!read_file(path, &source)) continue;
    return exec_module_source(vm, top, source, path);
  }
  Value r = raise(vm, vm.types.ModuleNotFoundError, "No module named '" + std::string(top) + "'");
  if (vm.pending.is_obj() && vm.pending != vm.memory_error) {
    RootValue exc(vm, vm.pending);
    vm.pending = Value::null();
    if (!set_attr(vm, exc, str_intern(vm, "name"), Value::object(rname.get()))) return Value::exception();
    vm.pending = exc;
  }
  return r;
}

}  // namespace contrail::interp
