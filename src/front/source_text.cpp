// src/front/source_text.cpp -- Line table and column conversion for error reports.
// Depends on source_text.h only.
#include "src/front/source_text.h"

namespace contrail::front {

SourceText::SourceText(std::string_view text, std::string filename)
    : text_(text), filename_(std::move(filename)) {
  starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); i++) {
    if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
  }
}

size_t SourceText::line_start(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  return starts_[static_cast<size_t>(line - 1)];
}

std::string SourceText::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t b = starts_[static_cast<size_t>(line - 1)];
  size_t e = text_.find('\n', b);
  if (e == std::string_view::npos) e = text_.size();
  return std::string(text_.substr(b, e - b));
}

int SourceText::char_col(int line, int byte_col) const {
  if (line < 1 || line > line_count()) return byte_col + 1;
  size_t b = starts_[static_cast<size_t>(line - 1)];
  int n = 0;
  for (int i = 0; i < byte_col; i++) {
    size_t p = b + static_cast<size_t>(i);
    if (p >= text_.size()) {
      n += byte_col - i;  // past the end: count the rest as single columns
      break;
    }
    n += (static_cast<unsigned char>(text_[p]) & 0xC0) != 0x80;
  }
  return n + 1;
}

SyntaxErrorInfo SourceText::error_at(const char* kind, std::string msg, int line, int col,
                                     int end_line, int end_col) const {
  SyntaxErrorInfo err;
  err.kind = kind;
  err.message = std::move(msg);
  err.filename = filename_;
  err.line = line;
  err.source_line = line_text(line);
  err.col = char_col(line, col);
  if (end_line > line) {
    // CPython highlights to the end of the first line (its text keeps the '\n').
    err.end_col = char_col(line, static_cast<int>(err.source_line.size()));
  } else if (end_col < 0) {
    err.end_col = end_col;
  } else {
    err.end_col = char_col(line, end_col);
  }
  return err;
}

}  // namespace contrail::front
