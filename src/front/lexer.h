// src/front/lexer.h -- Python tokenizer: UTF-8 source to a stream of Tokens,
// modelled on CPython 3.11's Parser/tokenizer.c (tok_get).
// Invariants:
//  - the source has been validated by compile_source: UTF-8, no NUL bytes,
//    newlines normalised to '\n' and a final '\n' present;
//  - INDENT/DEDENT follow CPython's rules (tabs to multiples of 8, a parallel
//    "alternate" stack with tab size 1 detects inconsistent tabs/spaces);
//  - after the first error, next() keeps returning ERRORTOKEN and error()
//    holds CPython's message and location; EOF inside brackets yields
//    ERRORTOKEN with no error (the parser reports the unclosed bracket).
// Depends on token.h and source_text.h only.
#pragma once

#include <optional>
#include <vector>

#include "src/front/errors.h"
#include "src/front/source_text.h"
#include "src/front/token.h"

namespace contrail::front {

class Lexer {
 public:
  explicit Lexer(const SourceText& src);

  // The next token; ENDMARKER forever after the end, ERRORTOKEN after an error.
  Token next();
  // The tokenizer's error, if next() has returned ERRORTOKEN because of one.
  const std::optional<SyntaxErrorInfo>& error() const { return error_; }
  // Open-bracket nesting level and the innermost open bracket (char, line, byte col).
  int level() const { return static_cast<int>(parens_.size()); }
  char open_paren() const { return parens_.empty() ? '(' : parens_.back().ch; }
  int open_paren_line() const { return parens_.empty() ? 0 : parens_.back().line; }
  int open_paren_col() const { return parens_.empty() ? 0 : parens_.back().col; }
  // True when the lexer stopped at end of input inside brackets.
  bool eof_in_brackets() const { return eof_in_brackets_; }

 private:
  struct Paren {
    char ch;
    int line;
    int col;
  };
  static constexpr int kEof = -1;
  static constexpr int kTabSize = 8;
  static constexpr int kMaxIndent = 100;
  static constexpr int kMaxLevel = 200;

  int nextc();
  void backup() { pos_--; }
  int peekc() const;
  int line_of(size_t pos) const;
  int col_of(size_t pos) const;
  Token make(Tok kind, size_t start, size_t end) const;
  Token fail(const char* kind, std::string msg, size_t err_pos);
  Token fail_range(const char* kind, std::string msg, size_t start, size_t end);
  bool indentation(Token* out);
  Token lex_name_or_string();
  Token lex_number(int c);
  Token lex_string(size_t start, int quote);
  Token lex_punct(int c);
  bool verify_end_of_number(int c, const char* kind, Token* out);
  bool decimal_tail(int* c, Token* out);
  bool verify_identifier(size_t start, size_t end, Token* out);

  const SourceText& src_;
  std::string_view text_;
  size_t pos_ = 0;
  size_t start_ = 0;  // start of the current token
  bool atbol_ = true;
  bool done_ = false;
  bool eof_in_brackets_ = false;
  int pending_ = 0;  // >0: INDENTs to emit, <0: DEDENTs
  std::vector<int> indstack_{0};
  std::vector<int> altindstack_{0};
  std::vector<Paren> parens_;
  std::optional<SyntaxErrorInfo> error_;
};

}  // namespace contrail::front
