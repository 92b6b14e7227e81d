// src/front/front.h -- The front end's single entry point: Python source text
// in, a CodeUnit tree (or a SyntaxError) out.
// Invariants: compile_source never throws and never crashes, whatever bytes it
// is given; exactly one of CompileResult::code and CompileResult::error is set.
// Depends on src/front only (and runtime/bytecode.h through code_unit users).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "src/front/code_unit.h"
#include "src/front/errors.h"

namespace contrail::front {

// Outcome of compiling one module.
struct CompileResult {
  std::shared_ptr<CodeUnit> code;        // the module's code object (kCodeModule)
  std::optional<SyntaxErrorInfo> error;  // set instead of [code] on failure
};

// Compiles the module [source] (raw file bytes, UTF-8 expected) that came from
// [filename] (used in error messages and CodeUnit::filename).
CompileResult compile_source(std::string_view source, const std::string& filename);

}  // namespace contrail::front
