// benchmarks/micro/micro_main.cpp -- contrail_micro: Google Benchmark timings of
// small Python kernels run through the public embedding API.
// Invariant: one iteration is one fresh Engine running one kernel as __main__;
// only run_main is timed (engine set-up and tear-down are paused), so "empty"
// measures the fixed cost of compiling and starting a module.
// Depends on include/contrail/contrail.h only, never on VM internals.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "benchmarks/micro/kernels.h"
#include "contrail/contrail.h"

namespace {

using contrail::micro::Kernel;
using contrail::micro::kKernels;

// Runs [source] once in a fresh engine with stderr sent to /dev/null; true when
// it exits 0. Used to probe for language features before timing them.
bool runs_quietly(const char* source) {
  int saved = ::dup(2);
  int null_fd = ::open("/dev/null", O_WRONLY);
  if (saved >= 0 && null_fd >= 0) ::dup2(null_fd, 2);
  contrail::Engine engine(contrail::Options{});
  int status = engine.run_main(source, "<probe>", {"<probe>", "1"}, contrail::SourceKind::String);
  if (saved >= 0) ::dup2(saved, 2);
  if (saved >= 0) ::close(saved);
  if (null_fd >= 0) ::close(null_fd);
  return status == 0;
}

bool classes_supported() {
  static const bool ok = runs_quietly("class C:\n    def __init__(self):\n        self.x = 1\nC().x\n");
  return ok;
}

void run_kernel(benchmark::State& state, const Kernel* kernel, bool jit) {
  if (kernel->needs_class && !classes_supported()) {
    state.SkipWithError("`class` does not run in this build yet (see attr_dict)");
    return;
  }
  contrail::Options options;
  options.jit = jit;
  const std::string source = kernel->source;
  const std::vector<std::string> argv = {kernel->name, std::to_string(state.range(0))};
  for (auto _ : state) {
    int status;
    state.PauseTiming();
    {
      contrail::Engine engine(options);
      state.ResumeTiming();
      status = engine.run_main(source, kernel->name, argv, contrail::SourceKind::String);
      state.PauseTiming();  // the engine's destructor is not part of the kernel
    }
    state.ResumeTiming();
    if (status != 0) {
      state.SkipWithError("kernel exited non-zero (error on stderr)");
      break;
    }
  }
  if (state.range(0) > 0) state.SetItemsProcessed(state.iterations() * state.range(0));
}

void register_all() {
  for (const Kernel& k : kKernels) {
    for (bool jit : {false, true}) {
      std::string name = std::string(k.name) + (jit ? "/jit:on" : "/jit:off");
      benchmark::RegisterBenchmark(name.c_str(), run_kernel, &k, jit)
          ->Arg(k.size)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
