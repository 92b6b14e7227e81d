// jit/asm_errors.h -- ErrorSink: the asmjit error handler shared by every
// piece of the JIT that assembles code (backend_x64.cpp, exit_link.cpp). It
// keeps the first error so the caller can refuse the code instead of aborting.
#pragma once

#include <asmjit/core.h>

#include <string>

namespace contrail::jit {

// Records the first asmjit error instead of aborting.
class ErrorSink : public asmjit::ErrorHandler {
 public:
  void handleError(asmjit::Error err, const char* message, asmjit::BaseEmitter*) override {
    if (error == asmjit::kErrorOk) {
      error = err;
      text = message;
    }
  }
  asmjit::Error error = asmjit::kErrorOk;
  std::string text;
};

}  // namespace contrail::jit
