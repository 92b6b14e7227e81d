// src/front/errors.cpp -- CPython 3.11's rendering of an uncaught SyntaxError.
// Mirrors pythonrun.c: print_exception() clips end_offset to the line, then
// print_error_text() strips leading blanks, shifts the caret with them, and
// prints no caret at all when it would point left of the text.
// Depends on errors.h only.
#include "src/front/errors.h"

namespace contrail::front {

namespace {

// Number of code points in [s] (UTF-8; continuation bytes are not counted).
int count_chars(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string caret_line(const std::string& text, int offset, int end_offset) {
  // offset/end_offset are 1-based code-point offsets into the full line.
  int len = count_chars(text);
  int reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  int off = offset - 1;
  size_t strip = 0;
  while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f')) {
    strip++;
    off--;
  }
  len -= static_cast<int>(strip);
  if (off > len) off = len;
  std::string out = "    " + text.substr(strip) + "\n";
  if (off < 0) return out;
  // print_error_text writes plain spaces, one per code point.
  out += "    " + std::string(static_cast<size_t>(off), ' ') + std::string(static_cast<size_t>(reps), '^') + "\n";
  return out;
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& err) {
  if (err.kind == "MemoryError" && err.message.empty()) return "MemoryError\n";
  std::string out;
  if (err.line > 0) {
    out += "  File \"" + err.filename + "\", line " + std::to_string(err.line) + "\n";
    int end = err.end_col;
    int line_size = count_chars(err.source_line) + 1;  // CPython's text keeps its '\n'
    if (end > line_size + 1) end = line_size + 1;
    int col = err.col;
    if (col <= 0) col = 0;
    out += caret_line(err.source_line, col, end);
  }
  out += err.kind;
  if (!err.message.empty()) out += ": " + err.message;
  out += "\n";
  return out;
}

}  // namespace contrail::front
