// src/main.cpp -- The `contrail` command line, in the habits of `python3`:
//   contrail [options] FILE [args...] | -c CODE [args...] | - [args...]
// Exit status: the program's (0, 1 for an uncaught exception, sys.exit's
// code), 2 for a usage error.
#include <pthread.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "contrail/contrail.h"

namespace {

constexpr const char* kUsage =
    "usage: contrail [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd             program passed in as string\n"
    "  -                  program read from stdin\n"
    "  --dis              print the bytecode of the program instead of running it\n"
    "  --gc-stress        collect garbage at every allocation (finds GC bugs)\n"
    "  --max-heap=SIZE    heap limit (e.g. 512M, 2G); exhaustion raises MemoryError\n"
    "  --list-bytes=N     [k] * n (k an int in 0..255, n >= N) stores one byte per\n"
    "                     item (default 4096; 0: never; 1: every such list, for tests)\n"
    "  --jit=on|off       enable or disable the JIT (default on)\n"
    "  --jit-param P=V,.. JIT parameters (hotloop, hotexit, maxtrace, maxrecord, ...)\n"
    "  --jit-stats        print JIT statistics to stderr at exit\n"
    "  --jit-verbose      print JIT events as they happen\n"
    "  --jit-dump         print recorded traces, IR and machine code\n"
    "  --jit-perf-map     name compiled traces for Linux perf (/tmp/perf-PID.map)\n"
    "  --version          print the version and exit\n"
    "  -h, --help         print this help and exit\n";

int usage_error(const std::string& msg) {
  std::fprintf(stderr, "contrail: %s\n%s", msg.c_str(), kUsage);
  return 2;
}

bool parse_size(const std::string& s, size_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  std::string suffix(end);
  double mult = 1;
  if (suffix == "K" || suffix == "k") mult = 1024.0;
  else if (suffix == "M" || suffix == "m") mult = 1024.0 * 1024;
  else if (suffix == "G" || suffix == "g") mult = 1024.0 * 1024 * 1024;
  else if (!suffix.empty()) return false;
  if (v <= 0) return false;
  *out = static_cast<size_t>(v * mult);
  return true;
}

// Runs [body] on a thread with a large stack. Python recursion never uses the
// C stack, but C++-level recursion does (hashing a tuple nested 100 000 deep
// recurses in CPython too), so the VM gets far more room than the 8 MiB main
// thread. The pages are reserved, not committed, until touched.
template <class F>
int run_on_big_stack(F body) {
  constexpr size_t kStackBytes = size_t{1} << 30;
  struct Job {
    F* body;
    int status;
  } job{&body, 1};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_t thread;
  if (pthread_attr_setstacksize(&attr, kStackBytes) != 0 ||
      pthread_create(&thread, &attr, [](void* p) -> void* {
        auto* j = static_cast<Job*>(p);
        j->status = (*j->body)();
        return nullptr;
      }, &job) != 0) {
    pthread_attr_destroy(&attr);
    return body();  // no thread: run on the main stack
  }
  pthread_attr_destroy(&attr);
  pthread_join(thread, nullptr);
  return job.status;
}

bool read_all(std::istream& in, std::string* out) {
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  contrail::Options options;
  bool dis = false;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--" ) { ++i; break; }
    if (a.size() < 2 || a[0] != '-' || a == "-c") break;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      std::fputs(("JIT parameters (--jit-param name=value,...):\n" + contrail::jit_params_help()).c_str(), stdout);
      return 0;
    }
    if (a == "--version" || a == "-V") {
      std::printf("Contrail %s (Python 3.11 subset)\n", contrail::version());
      return 0;
    }
    if (a == "--dis") dis = true;
    else if (a == "--gc-stress") options.gc_stress = true;
    else if (a.rfind("--max-heap=", 0) == 0) {
      if (!parse_size(a.substr(11), &options.max_heap)) return usage_error("invalid --max-heap size: " + a.substr(11));
    } else if (a.rfind("--list-bytes=", 0) == 0) {
      char* end = nullptr;
      const std::string n = a.substr(13);
      options.list_bytes_min = std::strtoull(n.c_str(), &end, 10);
      if (n.empty() || *end != '\0') return usage_error("invalid --list-bytes count: " + n);
    } else if (a == "--jit=on" || a == "--jit") options.jit = true;
    else if (a == "--jit=off") options.jit = false;
    else if (a == "--jit-param" && i + 1 < argc) options.jit_params = argv[++i];
    else if (a.rfind("--jit-param=", 0) == 0) options.jit_params = a.substr(12);
    else if (a == "--jit-stats") options.jit_stats = true;
    else if (a == "--jit-verbose") options.jit_verbose = true;
    else if (a == "--jit-dump") options.jit_dump = true;
    else if (a == "--jit-perf-map") options.jit_perf_map = true;
    else return usage_error("unknown option " + a);
  }
  if (i >= argc) return usage_error("no program given (FILE, -c CODE or -)");
  if (std::string err; !contrail::check_jit_params(options.jit_params, &err)) return usage_error(err);
  std::string source, filename;
  std::vector<std::string> args;
  contrail::SourceKind kind = contrail::SourceKind::File;
  std::string first = argv[i];
  if (first == "-c") {
    if (i + 1 >= argc) return usage_error("argument expected for the -c option");
    source = argv[i + 1];
    filename = "<string>";
    kind = contrail::SourceKind::String;
    args.push_back("-c");
    i += 2;
  } else if (first == "-") {
    read_all(std::cin, &source);
    filename = "<stdin>";
    kind = contrail::SourceKind::Stdin;
    args.push_back("-");
    ++i;
  } else {
    std::ifstream in(first, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "contrail: can't open file '%s': [Errno 2] No such file or directory\n", first.c_str());
      return 2;
    }
    read_all(in, &source);
    filename = first;
    args.push_back(first);
    ++i;
  }
  for (; i < argc; ++i) args.push_back(argv[i]);
  if (dis) {
    bool ok = false;
    std::string text = contrail::Engine::disassemble(source, filename, &ok);
    std::fputs(text.c_str(), ok ? stdout : stderr);
    return ok ? 0 : 1;
  }
  return run_on_big_stack([&] {
    contrail::Engine engine(options);
    return engine.run_main(source, filename, args, kind);
  });
}
