// src/front/errors.h -- Compile-time errors of the front end and their
// CPython 3.11 stderr rendering.
// Invariant: format_syntax_error() reproduces byte for byte what CPython 3.11
// prints for an uncaught SyntaxError raised while compiling the main script
// (pythonrun.c print_exception + print_error_text).
// Depends on nothing but the standard library.
#pragma once

#include <string>

namespace contrail::front {

// One compile-time error. Columns count code points, not bytes, like CPython's
// SyntaxError.offset / end_offset.
struct SyntaxErrorInfo {
  std::string kind;         // "SyntaxError" | "IndentationError" | "TabError"
                            // | "MemoryError" | "RecursionError" (compile limits)
  std::string message;      // e.g. "'(' was never closed"
  std::string filename;
  int line = 0;             // 1-based; 0 = no location (nothing but "kind: message")
  int col = 0;              // 1-based offset of the first caret; <= 0 = no caret
  int end_col = 0;          // 1-based offset one past the last caret; <= col = one caret
  std::string source_line;  // the offending line, without its newline
};

// The text CPython 3.11 writes to stderr for [err], each line ending in '\n':
//   File "x.py", line 3 / the stripped source line / the carets / "Kind: message".
std::string format_syntax_error(const SyntaxErrorInfo& err);

}  // namespace contrail::front
