// src/interp/engine.cpp -- contrail::Engine: wires a Vm, the front end and the
// interpreter together for embedders and the CLI.
#include <unistd.h>

#include <cstdio>

#include "contrail/contrail.h"
#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"
#include "src/front/disassemble.h"
#include "src/front/front.h"
#include "src/interp/interp.h"
#include "jit/jit.h"
#include "src/interp/loader.h"
#include "src/interp/traceback.h"

namespace contrail {

using namespace runtime;

struct Engine::Impl {
  explicit Impl(const Options& o) : vm(VmOptions{o.gc_stress, o.max_heap, o.list_bytes_min}) {
    interp::install(vm);
    if (o.jit) {
      jit::JitOptions jo;
      std::string err;
      jit::parse_params(o.jit_params, &jo.params, &err);  // the CLI has checked it (check_jit_params)
      jo.stats = o.jit_stats;
      jo.verbose = o.jit_verbose;
      jo.dump = o.jit_dump;
      jo.perf_map = o.jit_perf_map;
      jit = jit::jit_create(vm, jo);
    }
  }
  ~Impl() { jit::jit_destroy(jit); }
  Vm vm;
  jit::Jit* jit = nullptr;
};

bool check_jit_params(const std::string& text, std::string* error) {
  jit::Params p;
  return jit::parse_params(text, &p, error);
}

std::string jit_params_help() { return jit::params_help(); }

Engine::Engine(const Options& options) : impl_(std::make_unique<Impl>(options)) {}
Engine::~Engine() = default;

const char* version() { return "0.1.0"; }

std::size_t Engine::gc_collections() const { return impl_->vm.heap.stats().collections; }

std::string Engine::disassemble(const std::string& source, const std::string& filename, bool* ok) {
  front::CompileResult cr = front::compile_source(source, filename);
  *ok = !cr.error;
  if (cr.error) return front::format_syntax_error(*cr.error);
  return front::disassemble(*cr.code);
}

namespace {

void write_stderr(Vm& vm, const std::string& s) {
  vm.flush_stdout();
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(2, s.data() + off, s.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
}

// Exit status for an uncaught SystemExit, printing its message if any.
int system_exit_status(Vm& vm, Value exc) {
  Exception* e = exc.as<Exception>();
  if (e->args == nullptr || e->args->size == 0) return 0;
  Value code = e->args->size == 1 ? e->args->items[0] : Value::object(e->args);
  if (code.is_none()) return 0;
  if (code.is_small_int()) return static_cast<int>(code.as_small_int());
  if (code.is_bool()) return code.as_bool() ? 1 : 0;
  Value s = to_str(vm, code);
  if (!s.is_exception()) write_stderr(vm, std::string(s.as<Str>()->view()) + "\n");
  return 1;
}

// Fills sys.argv and creates the __main__ module in [module]; false with an
// exception pending (MemoryError under a tiny heap limit).
bool prepare_main(Vm& vm, const std::vector<std::string>& argv, const std::string& filename, SourceKind kind,
                  RootValue& module) {
  for (const std::string& a : argv) {
    RootValue s(vm, str_new(vm, a));
    if (s.get().is_exception() || !list_append(vm, vm.argv, s)) return false;
  }
  module.set(module_new(vm, "__main__"));
  if (module.get().is_exception()) return false;
  dict_set_name(vm, module.get().as<Module>()->dict, "__builtins__", Value::object(vm.builtins));
  if (kind == SourceKind::File) {
    RootValue f(vm, str_new(vm, filename));
    if (f.get().is_exception()) return false;
    dict_set_name(vm, module.get().as<Module>()->dict, "__file__", f);
  }
  return dict_set(vm, vm.modules, Value::object(vm.names.dunder_main), module);
}

int report_uncaught(Vm& vm) {
  RootValue exc(vm, vm.pending);
  vm.pending = Value::null();
  if (is_instance(vm, exc, vm.types.SystemExit)) return system_exit_status(vm, exc);
  write_stderr(vm, interp::format_exception(vm, exc));
  return 1;
}

}  // namespace

int Engine::run_main(const std::string& source, const std::string& filename, const std::vector<std::string>& argv,
                     SourceKind kind) {
  Vm& vm = impl_->vm;
  front::CompileResult cr = front::compile_source(source, filename);
  if (cr.error) {
    write_stderr(vm, front::format_syntax_error(*cr.error));
    return 1;
  }
  std::string dir = ".";
  if (kind == SourceKind::File) {
    size_t slash = filename.find_last_of('/');
    dir = slash == std::string::npos ? "." : filename.substr(0, slash == 0 ? 1 : slash);
  }
  vm.search_path.push_back(dir);
  // Set-up allocates too: with a tiny --max-heap it can already fail with
  // MemoryError, which is reported like any uncaught exception.
  RootValue module(vm);
  if (!prepare_main(vm, argv, filename, kind, module)) {
    int status = report_uncaught(vm);
    vm.flush_stdout();
    return status;
  }
  RootValue code(vm, interp::load_code(vm, *cr.code));
  int status = 0;
  if (code.get().is_exception() ||
      interp::run_module(vm, code.get().as<Code>(), module.get().as<Module>()->dict).is_exception())
    status = report_uncaught(vm);
  vm.flush_stdout();
  if (vm.stdout_error && status == 0) status = 120;
  return status;
}

}  // namespace contrail
