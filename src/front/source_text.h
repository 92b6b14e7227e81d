// src/front/source_text.h -- Line table over the (validated, newline-normalised)
// source: line text by number and byte-column to code-point-column conversion,
// shared by the lexer, parser and compiler when they build SyntaxErrorInfo.
// Invariant: lines are split on '\n' only (compile_source normalises \r\n, \r).
// Depends on errors.h only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/front/errors.h"

namespace contrail::front {

// The front end's one internal C++ exception: a compile-time error unwinding out
// of deep recursive descent. It never leaves compile_source().
struct CompileError {
  SyntaxErrorInfo info;
};

class SourceText {
 public:
  SourceText(std::string_view text, std::string filename);

  std::string_view text() const { return text_; }
  const std::string& filename() const { return filename_; }
  // Number of lines (a final line without '\n' counts).
  int line_count() const { return static_cast<int>(starts_.size()); }
  // Byte offset where [line] (1-based) starts.
  size_t line_start(int line) const;
  // Text of [line] without its newline; empty when out of range.
  std::string line_text(int line) const;
  // 1-based code-point offset of byte column [byte_col] (0-based) on [line].
  int char_col(int line, int byte_col) const;
  // A SyntaxErrorInfo at [line] with byte columns [col, end_col) (0-based,
  // end exclusive) converted to CPython's 1-based offsets.
  SyntaxErrorInfo error_at(const char* kind, std::string msg, int line, int col, int end_line,
                           int end_col) const;

 private:
  std::string_view text_;
  std::string filename_;
  std::vector<size_t> starts_;
};

}  // namespace contrail::front
