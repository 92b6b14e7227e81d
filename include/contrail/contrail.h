// include/contrail/contrail.h -- Public embedding API of Contrail.
// An Engine owns one virtual machine. Nothing internal leaks through this
// header: embedders (the CLI, benchmarks, tests) see options, run calls and
// exit statuses only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace contrail {

/// Settings of one engine.
struct Options {
  bool gc_stress = false;          ///< collect at every allocation, poison freed memory
  std::size_t max_heap = 0;        ///< heap limit in bytes (0: unlimited); exhaustion is MemoryError
  std::uint64_t list_bytes_min = 4096;  ///< [k] * n with k in 0..255 and n >= this stores bytes (0: never)
  bool jit = true;                 ///< run hot loops as compiled traces
  std::string jit_params;          ///< "name=value,..." JIT parameters (check_jit_params)
  bool jit_stats = false;          ///< print JIT statistics to stderr when the engine is destroyed
  bool jit_verbose = false;        ///< print JIT events to stderr as they happen
  bool jit_dump = false;           ///< print each trace's bytecode, IR and assembly to stderr
  bool jit_perf_map = false;       ///< append each trace's code range to /tmp/perf-PID.map (Linux perf)
};

/// Validates a --jit-param string; false with a message in *[error].
bool check_jit_params(const std::string& text, std::string* error);
/// The JIT parameters with their defaults, one per line (for --help).
std::string jit_params_help();

/// Which source a program comes from; decides the traceback file name.
enum class SourceKind { File, String, Stdin };

/// One virtual machine running Python programs.
class Engine {
 public:
  explicit Engine(const Options& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Runs [source] as the __main__ module. [filename] names it in tracebacks;
  /// [argv] becomes sys.argv. Returns the process exit status: 0, 1 for an
  /// uncaught exception or syntax error (reported on stderr), or sys.exit's code.
  int run_main(const std::string& source, const std::string& filename, const std::vector<std::string>& argv,
               SourceKind kind);
  /// Compiles [source] and returns its disassembly (or the SyntaxError text).
  static std::string disassemble(const std::string& source, const std::string& filename, bool* ok);
  /// Number of garbage collections run so far.
  std::size_t gc_collections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Version string printed by `contrail --version`.
const char* version();

}  // namespace contrail
