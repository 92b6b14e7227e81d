// tests/fuzz/fuzz_diff.cpp -- libFuzzer target: differential execution.
// The input bytes decode to a Python program (diff_grammar.h); the program runs
// twice in this process through the public contrail::Engine, once in the
// reference configuration and once in the candidate configuration, each with
// fd 1 and fd 2 redirected to memory files. stdout, stderr and the exit
// status must agree; any difference prints both and aborts.
//
// The reference runs with the JIT off; the candidate with the JIT on and every
// loop and every exit hot at once (hotloop=1,hotexit=1). One input in four
// (by the sum of its bytes, so a finding replays the same) also runs the
// candidate with --gc-stress, so that traces, their GC maps and the roots in
// their spill slots see a collection at every allocation. --gc-stress makes a
// run about 3.5 times slower, hence not on every input.
//
// Environment: FUZZ_DIFF_PRINT=1 prints each decoded program to stderr (to
// reproduce a finding with the CLI: `FUZZ_DIFF_PRINT=1 fuzz_diff CRASH_FILE`).
// FUZZ_DIFF_CANDIDATE=jit, jit-gc-stress or gc-stress (JIT off) forces the
// candidate for every input (to tell what a finding needs).
// Depends on include/contrail/contrail.h and diff_grammar.h only.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "contrail/contrail.h"
#include "tests/fuzz/diff_grammar.h"

extern "C" void __sanitizer_set_report_fd(void* fd);  // sanitizer runtime; reports bypass our redirection

namespace {

// -- The two configurations ------------------------------------------------------

contrail::Options reference_options() {
  contrail::Options o;
  o.jit = false;
  return o;
}

// The candidate for the input [data, data + size); *[label] names it.
contrail::Options candidate_options(const uint8_t* data, size_t size, std::string* label) {
  static const char* forced = std::getenv("FUZZ_DIFF_CANDIDATE");
  if (forced != nullptr) {
    *label = forced;
  } else {
    unsigned sum = 0;
    for (size_t i = 0; i < size; i++) sum += data[i];
    *label = sum % 4 == 0 ? "jit-gc-stress" : "jit";
  }
  contrail::Options o;
  o.jit = *label != "gc-stress";
  if (o.jit) o.jit_params = "hotloop=1,hotexit=1";
  o.gc_stress = *label != "jit";
  return o;
}

// -- Output capture --------------------------------------------------------------

int g_report_fd = 2;  // a duplicate of the original stderr (set once at start-up)

void write_all(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

// Points [target] (1 or 2) at a memory file for its lifetime; text() reads what was written.
class Capture {
 public:
  explicit Capture(int target) : target_(target), mem_(memfd_create("fuzz_diff", 0)), saved_(dup(target)) {
    if (mem_ < 0 || saved_ < 0) std::abort();
    dup2(mem_, target_);
  }
  ~Capture() {
    dup2(saved_, target_);
    close(saved_);
    close(mem_);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::string text() const {
    std::string out;
    off_t size = lseek(mem_, 0, SEEK_END);
    out.resize(size > 0 ? static_cast<size_t>(size) : 0);
    if (!out.empty() && pread(mem_, out.data(), out.size(), 0) != static_cast<ssize_t>(out.size())) std::abort();
    return out;
  }

 private:
  int target_;
  int mem_;
  int saved_;
};

struct Outcome {
  int status = 0;
  std::string out;
  std::string err;
};

Outcome run(const std::string& program, const contrail::Options& options) {
  Outcome r;
  Capture out(1), err(2);
  {
    contrail::Engine engine(options);
    r.status = engine.run_main(program, "fuzz.py", {"fuzz.py"}, contrail::SourceKind::File);
  }
  r.out = out.text();
  r.err = err.text();
  return r;
}

std::string describe(const char* name, const Outcome& r) {
  return std::string("---- ") + name + ": exit status " + std::to_string(r.status) + "\n---- stdout:\n" + r.out +
         "\n---- stderr:\n" + r.err + "\n";
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_report_fd = dup(2);
  if (g_report_fd < 0) g_report_fd = 2;
  __sanitizer_set_report_fd(reinterpret_cast<void*>(static_cast<intptr_t>(g_report_fd)));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string program = contrail::fuzz::generate_program(data, size);
  static const bool print = std::getenv("FUZZ_DIFF_PRINT") != nullptr;
  if (print) write_all(g_report_fd, "---- program:\n" + program);
  std::string label;
  contrail::Options candidate = candidate_options(data, size, &label);
  Outcome a = run(program, reference_options());
  Outcome b = run(program, candidate);
  if (print) write_all(g_report_fd, describe("reference", a));
  if (a.status == b.status && a.out == b.out && a.err == b.err) return 0;
  write_all(g_report_fd, "fuzz_diff: the two configurations disagree\n---- program:\n" + program +
                             describe("reference (jit off)", a) + describe(("candidate (" + label + ")").c_str(), b));
  std::abort();
}
