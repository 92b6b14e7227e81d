// tests/fuzz/fuzz_compile.cpp -- libFuzzer target: the front end on arbitrary bytes.
// Checks the contract of src/front/front.h: compile_source never throws and
// never crashes, and sets exactly one of code and error; then renders the
// result (disassembly or CPython's SyntaxError text) so the consumers of a
// CodeUnit tree and of SyntaxErrorInfo run too.
// Depends on src/front only (the front end never touches the GC heap).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/front/disassemble.h"
#include "src/front/errors.h"
#include "src/front/front.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  contrail::front::CompileResult r = contrail::front::compile_source(source, "fuzz.py");
  if ((r.code != nullptr) == r.error.has_value()) {
    std::fprintf(stderr, "fuzz_compile: compile_source set %s of code and error\n", r.code ? "both" : "neither");
    std::abort();
  }
  std::string text = r.code ? contrail::front::disassemble(*r.code) : contrail::front::format_syntax_error(*r.error);
  if (text.empty()) {
    std::fprintf(stderr, "fuzz_compile: empty %s\n", r.code ? "disassembly" : "SyntaxError text");
    std::abort();
  }
  return 0;
}
