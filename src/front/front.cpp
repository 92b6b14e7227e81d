// src/front/front.cpp -- compile_source: validates the raw bytes (NUL bytes,
// UTF-8, BOM, newlines) like CPython's file reader, then parses, analyses
// scopes and compiles. The one place where CompileError and std::bad_alloc
// are caught: nothing is thrown past this file.
// Depends on parser.h, symtable.h, compiler.h.
#include "src/front/front.h"

#include <cstdio>
#include <new>
#include <unistd.h>

#include "src/front/compiler.h"
#include "src/front/parser.h"
#include "src/front/symtable.h"

namespace contrail::front {

namespace {

// Length of the valid UTF-8 sequence at [p], or 0.
size_t utf8_len(std::string_view s, size_t p) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[p + i]); };
  unsigned char c = b(0);
  size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (n == 0 || p + n > s.size()) return 0;
  for (size_t i = 1; i < n; i++)
    if ((b(i) & 0xC0) != 0x80) return 0;
  if (n == 3) {
    if (c == 0xE0 && b(1) < 0xA0) return 0;         // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;        // surrogates
  }
  if (n == 4) {
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) >= 0x90) return 0;
  }
  return n;
}

// The script path as CPython 3.11 reports it in the Non-UTF-8 message: made
// absolute by prefixing the working directory, without normalising "./" or "..".
std::string absolute_path(const std::string& filename) {
  if (filename.empty() || filename[0] == '/' || filename[0] == '<') return filename;
  std::string cwd(4096, '\0');
  if (!::getcwd(cwd.data(), cwd.size())) return filename;
  cwd.resize(std::char_traits<char>::length(cwd.c_str()));
  if (cwd.empty() || cwd.back() != '/') cwd += '/';
  return cwd + filename;
}

std::optional<SyntaxErrorInfo> check_bytes(std::string_view src, const std::string& filename) {
  size_t nul = src.find('\0');
  if (nul != std::string_view::npos) {
    SyntaxErrorInfo e;
    e.kind = "SyntaxError";
    e.message = "source code cannot contain null bytes";
    e.filename = filename;
    e.line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < nul; i++) {
      if (src[i] == '\n') {
        e.line++;
        line_start = i + 1;
      }
    }
    e.source_line = std::string(src.substr(line_start, nul - line_start));
    e.col = 0;
    return e;
  }
  int line = 1;
  for (size_t i = 0; i < src.size();) {
    size_t n = utf8_len(src, i);
    if (n == 0) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(src[i]));
      SyntaxErrorInfo e;
      e.kind = "SyntaxError";
      e.message = std::string("Non-UTF-8 code starting with '") + buf + "' in file " + absolute_path(filename) + " on line " +
                  std::to_string(line) + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
      e.filename = filename;
      e.line = 0;
      return e;
    }
    if (src[i] == '\n') line++;
    i += n;
  }
  return std::nullopt;
}

// Strips a UTF-8 BOM, turns \r\n and lone \r into \n, ends with '\n'.
std::string normalise(std::string_view src) {
  if (src.substr(0, 3) == "\xEF\xBB\xBF") src.remove_prefix(3);
  std::string out;
  out.reserve(src.size() + 1);
  for (size_t i = 0; i < src.size(); i++) {
    if (src[i] == '\r') {
      out += '\n';
      if (i + 1 < src.size() && src[i + 1] == '\n') i++;
    } else {
      out += src[i];
    }
  }
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

}  // namespace

CompileResult compile_source(std::string_view source, const std::string& filename) {
  CompileResult result;
  try {
    if (auto err = check_bytes(source, filename)) {
      result.error = std::move(err);
      return result;
    }
    std::string text = normalise(source);
    SourceText src(text, filename);
    Module mod;
    parse_module(src, mod);
    SymbolTable st(mod, src);
    result.code = compile_module(mod, st, src);
  } catch (const CompileError& e) {
    result.code.reset();
    result.error = e.info;
    if (result.error->filename.empty()) result.error->filename = filename;
  } catch (const std::bad_alloc&) {
    result.code.reset();
    SyntaxErrorInfo e;
    e.kind = "MemoryError";
    e.filename = filename;
    result.error = e;
  }
  return result;
}

}  // namespace contrail::front
