// src/front/parser_impl.h -- The Parser class shared by parse_stmt.cpp,
// parse_expr.cpp, parse_target.cpp and parse_string.cpp. Internal to src/front.
// Invariants: tokens are fetched lazily into toks_ (so a later tokenizer error
// is only seen if the parser gets there); furthest_ is the furthest token ever
// fetched, where a generic "invalid syntax" is reported, like CPython's
// p->tokens[p->fill - 1].
// Depends on lexer.h, ast.h, source_text.h.
#pragma once

#include <string>
#include <vector>

#include "src/front/ast.h"
#include "src/front/lexer.h"
#include "src/front/source_text.h"

namespace contrail::front {

enum class TargetKind : uint8_t { Star, For, Del };

class Parser {
 public:
  // [line_shift] is added to every line (f-string expressions parsed apart).
  Parser(const SourceText& src, AstArena& arena, int line_shift = 0);

  void parse_file(std::vector<Stmt*>& body);
  // Parses "(expr)" text of an f-string replacement field.
  Expr* parse_fstring_expr();
  // Replaces a parser error by a later tokenizer error, as CPython does.
  SyntaxErrorInfo prefer_tokenizer_error(SyntaxErrorInfo parser_err);

  static constexpr int kMaxParseDepth = 1000;
  static constexpr size_t kMaxElifArms = 5964;  // if + elifs, measured on CPython 3.11

 private:
  friend struct DepthGuard;
  // -- tokens (parser_impl in parse_stmt.cpp)
  const Token& tok(size_t i);
  const Token& cur() { return tok(p_); }
  const Token& peek(size_t k = 1) { return tok(p_ + k); }
  Token advance() { Token t = cur(); p_++; return t; }
  bool at(Tok kind) { return cur().kind == kind; }
  bool at_kw(const char* kw);
  bool accept(Tok kind);
  bool accept_kw(const char* kw);
  Token expect(Tok kind);
  void expect_kw(const char* kw);
  Pos pos_of(const Token& t) const;
  Pos span(const Pos& a, const Pos& b) const;
  Pos prev_end_span(const Pos& start);
  [[noreturn]] void fail_generic();
  [[noreturn]] void fail_at(const Pos& pos, const std::string& msg, const char* kind = "SyntaxError");
  [[noreturn]] void fail_last_token(const std::string& msg, const char* kind = "SyntaxError");
  [[noreturn]] void fail_memory();
  static bool is_keyword(std::string_view name);
  bool starts_expression(const Token& t);

  // -- statements (parse_stmt.cpp)
  void statement(std::vector<Stmt*>& out);
  void simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* expr_or_assign_stmt();
  Stmt* compound_stmt();
  void block(std::vector<Stmt*>& out, const std::string& what, int line);
  void expect_colon();
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt();
  Stmt* try_stmt();
  Stmt* with_stmt();
  Stmt* funcdef(std::vector<Expr*> decorators, const Token& start);
  Stmt* classdef(std::vector<Expr*> decorators, const Token& start);
  Stmt* decorated();
  Stmt* import_stmt();
  Stmt* from_import_stmt();
  Stmt* global_stmt(bool nonlocal);
  Stmt* return_stmt();
  Stmt* raise_stmt();
  Stmt* del_stmt();
  Stmt* assert_stmt();
  std::string dotted_name();
  Arguments* parameters(Tok closer, bool annotations);

  // -- expressions (parse_expr.cpp)
  Expr* star_expressions();
  Expr* star_expression();
  Expr* star_named_expression();
  Expr* named_expression();
  Expr* expression();
  Expr* expression_no_check();
  Expr* yield_expr();
  Expr* lambdef();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or() { return binary(1); }
  Expr* binary(int min_prec);
  Expr* factor();
  Expr* power();
  Expr* primary();
  Expr* postfix(Expr* e);
  Expr* atom();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  Expr* slices();
  Expr* slice_item();
  void call_arguments(Expr* call);
  void comprehension_clauses(std::vector<Comprehension>& out);
  Expr* number(const Token& t);
  void check_juxtaposition(Expr* a);
  Expr* make_tuple(std::vector<Expr*> items, const Pos& pos);

  // -- targets (parse_target.cpp)
  Expr* star_targets();
  Expr* target_atom();
  void set_store(Expr* e, TargetKind kind);
  Expr* invalid_target(Expr* e, TargetKind kind);
  [[noreturn]] void fail_invalid_target(Expr* bad, TargetKind kind);
  void retry_invalid_target(size_t start, TargetKind kind);
  void check_assign_targets(const std::vector<Expr*>& chain, Expr* value);

  // -- strings (parse_string.cpp)
  Expr* strings();
  void fstring(std::string_view body, bool raw, const Token& t, int body_line,
               std::vector<Expr*>& parts, std::string& pending, int depth);
  Expr* fstring_field(std::string_view body, size_t& i, bool raw, const Token& t,
                      int body_line, std::string& pending, int depth);

  const SourceText& src_;
  AstArena& arena_;
  Lexer lexer_;
  std::vector<Token> toks_;
  size_t p_ = 0;
  size_t furthest_ = 0;
  int depth_ = 0;
  int line_shift_ = 0;
  bool in_fstring_ = false;
  bool tokenizer_failed_ = false;  // tok() threw the lexer's error
};

// Counts one level of parser recursion; fails like CPython past the limit.
struct DepthGuard {
  explicit DepthGuard(Parser* p) : parser(p) {
    if (++parser->depth_ > Parser::kMaxParseDepth) parser->fail_memory();
  }
  ~DepthGuard() { parser->depth_--; }
  Parser* parser;
};

// Name CPython uses for [e] in "cannot assign to %s" messages.
const char* expr_name(const Expr* e);

}  // namespace contrail::front
