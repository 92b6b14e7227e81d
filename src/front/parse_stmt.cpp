// src/front/parse_stmt.cpp -- Token access, error reporting and statements.
// Error rules mirror CPython 3.11's invalid_* grammar rules for the common
// mistakes ("expected ':'", "expected an indented block after ...",
// "unexpected indent"); anything else is "invalid syntax" at the furthest token.
// Depends on parser_impl.h.
#include <algorithm>

#include "src/front/parser.h"
#include "src/front/parser_impl.h"

namespace contrail::front {

namespace {

constexpr std::string_view kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

}  // namespace

Parser::Parser(const SourceText& src, AstArena& arena, int line_shift)
    : src_(src), arena_(arena), lexer_(src), line_shift_(line_shift) {}

// -- Tokens ------------------------------------------------------------------------

const Token& Parser::tok(size_t i) {
  while (toks_.size() <= i) {
    Token t = lexer_.next();
    t.line += line_shift_;
    t.end_line += line_shift_;
    toks_.push_back(t);
    if (t.kind == Tok::ERRORTOKEN) {
      tokenizer_failed_ = true;
      if (lexer_.error()) {
        SyntaxErrorInfo e = *lexer_.error();
        e.line += line_shift_;
        throw CompileError{e};
      }
      // End of input inside brackets: "'(' was never closed".
      std::string msg = std::string("'") + lexer_.open_paren() + "' was never closed";
      SyntaxErrorInfo e = src_.error_at("SyntaxError", msg, lexer_.open_paren_line(), lexer_.open_paren_col(),
                                        lexer_.open_paren_line(), -1);
      e.end_col = 0;
      e.line += line_shift_;
      throw CompileError{e};
    }
  }
  furthest_ = std::max(furthest_, i);
  return toks_[i];
}

bool Parser::is_keyword(std::string_view name) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), name) != std::end(kKeywords);
}

bool Parser::starts_expression(const Token& t) {
  switch (t.kind) {
    case Tok::NAME:
      return !is_keyword(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
             t.text == "not" || t.text == "lambda" || t.text == "await";
    case Tok::NUMBER:
    case Tok::STRING:
    case Tok::LPAR:
    case Tok::LSQB:
    case Tok::LBRACE:
    case Tok::MINUS:
    case Tok::PLUS:
    case Tok::TILDE:
    case Tok::ELLIPSIS: return true;
    default: return false;
  }
}

bool Parser::at_kw(const char* kw) { return cur().kind == Tok::NAME && cur().text == kw; }

bool Parser::accept(Tok kind) {
  if (!at(kind)) return false;
  p_++;
  return true;
}

bool Parser::accept_kw(const char* kw) {
  if (!at_kw(kw)) return false;
  p_++;
  return true;
}

Token Parser::expect(Tok kind) {
  if (!at(kind)) fail_generic();
  return advance();
}

void Parser::expect_kw(const char* kw) {
  if (!at_kw(kw)) fail_generic();
  advance();
}

Pos Parser::pos_of(const Token& t) const { return Pos{t.line, t.col, t.end_line, t.end_col}; }

Pos Parser::span(const Pos& a, const Pos& b) const { return Pos{a.line, a.col, b.end_line, b.end_col}; }

Pos Parser::prev_end_span(const Pos& start) {
  return p_ > 0 ? span(start, pos_of(toks_[p_ - 1])) : start;
}

void Parser::fail_at(const Pos& pos, const std::string& msg, const char* kind) {
  std::string m = in_fstring_ ? "f-string: " + msg : msg;
  SyntaxErrorInfo e = src_.error_at(kind, m, pos.line - line_shift_, pos.col, pos.end_line - line_shift_, pos.end_col);
  e.line += line_shift_;
  throw CompileError{e};
}

void Parser::fail_last_token(const std::string& msg, const char* kind) {
  fail_at(pos_of(toks_[furthest_]), msg, kind);
}

void Parser::fail_memory() {
  SyntaxErrorInfo e;
  e.kind = "MemoryError";
  e.filename = src_.filename();
  throw CompileError{e};
}

void Parser::fail_generic() {
  const Token& t = toks_[furthest_];
  if (t.kind == Tok::INDENT || t.kind == Tok::DEDENT) {
    int line = t.line - line_shift_;
    std::string text = src_.line_text(line);
    size_t indent = text.find_first_not_of(" \t\f");
    if (indent == std::string::npos) indent = text.size();
    SyntaxErrorInfo e = src_.error_at("IndentationError",
                                      t.kind == Tok::INDENT ? "unexpected indent" : "unexpected unindent",
                                      line, static_cast<int>(indent), line, -1);
    e.col -= 1;
    e.line += line_shift_;
    throw CompileError{e};
  }
  fail_last_token("invalid syntax");
}

SyntaxErrorInfo Parser::prefer_tokenizer_error(SyntaxErrorInfo parser_err) {
  if (tokenizer_failed_) return parser_err;
  int last_line = toks_.empty() ? 0 : toks_[furthest_].line;
  try {
    for (size_t i = toks_.size();; i++) {
      if (tok(i).kind == Tok::ENDMARKER) break;
    }
  } catch (const CompileError& e) {
    if (lexer_.error()) return e.info;
    if (lexer_.eof_in_brackets() && last_line > lexer_.open_paren_line() + line_shift_) return e.info;
  }
  return parser_err;
}

// -- Module and blocks ---------------------------------------------------------------

void Parser::parse_file(std::vector<Stmt*>& body) {
  while (!at(Tok::ENDMARKER)) statement(body);
}

void Parser::statement(std::vector<Stmt*>& out) {
  if (Stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(std::vector<Stmt*>& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (!accept(Tok::SEMI)) break;
    if (at(Tok::NEWLINE)) break;
  }
  expect(Tok::NEWLINE);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
void Parser::block(std::vector<Stmt*>& out, const std::string& what, int line) {
  if (!at(Tok::NEWLINE)) {
    simple_stmts(out);
    return;
  }
  advance();
  if (!at(Tok::INDENT)) {
    const Token& t = cur();
    std::string msg = "expected an indented block after " + what + " on line " + std::to_string(line);
    Pos p = pos_of(t);
    p.end_line = p.line;
    p.end_col = p.col + 1;
    if (t.kind == Tok::ENDMARKER) {
      SyntaxErrorInfo e = src_.error_at("IndentationError", msg, p.line, 0, p.line, 0);
      e.col = e.end_col = 0;  // CPython prints no caret at end of file
      throw CompileError{e};
    }
    fail_at(p, msg, "IndentationError");
  }
  advance();
  while (!at(Tok::DEDENT) && !at(Tok::ENDMARKER)) statement(out);
  accept(Tok::DEDENT);
}

void Parser::expect_colon() {
  if (at(Tok::COLON)) {
    advance();
    return;
  }
  if (at(Tok::NEWLINE)) fail_last_token("expected ':'");
  fail_generic();
}

Stmt* Parser::compound_stmt() {
  const Token& t = cur();
  if (t.kind == Tok::AT) return decorated();
  if (t.kind != Tok::NAME) return nullptr;
  if (t.text == "if") return if_stmt(false);
  if (t.text == "while") return while_stmt();
  if (t.text == "for") return for_stmt();
  if (t.text == "try") return try_stmt();
  if (t.text == "with") return with_stmt();
  if (t.text == "def") return funcdef({}, t);
  if (t.text == "class") return classdef({}, t);
  if (t.text == "async") fail_at(pos_of(t), "async is not supported");
  return nullptr;
}

// if / elif / else. The elif chain is parsed in a loop (a long chain must
// not recurse); each elif becomes an If nested in the previous orelse.
Stmt* Parser::if_stmt(bool) {
  std::vector<Stmt*> chain;
  bool elif = false;
  do {
    // CPython's PEG parser recurses once per elif: a chain of 5965 arms at
    // module level overflows its stack (MAXSTACK 6000) -> bare MemoryError.
    if (chain.size() + static_cast<size_t>(depth_) >= kMaxElifArms) fail_memory();
    Token kw = advance();
    Stmt* s = arena_.stmt(StmtKind::If, pos_of(kw));
    s->test = named_expression();
    if (at(Tok::EQUAL) && s->test->kind == ExprKind::Name) {
      advance();
      Expr* rhs = bitwise_or();
      fail_at(span(s->test->pos, rhs->pos), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    expect_colon();
    block(s->body, elif ? "'elif' statement" : "'if' statement", kw.line);
    if (!chain.empty()) chain.back()->orelse.push_back(s);
    chain.push_back(s);
    elif = true;
  } while (at_kw("elif"));
  if (at_kw("else")) {
    Token e = advance();
    expect_colon();
    block(chain.back()->orelse, "'else' statement", e.line);
  }
  for (Stmt* s : chain) s->pos = prev_end_span(s->pos);
  return chain.front();
}

Stmt* Parser::while_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::While, pos_of(kw));
  s->test = named_expression();
  expect_colon();
  block(s->body, "'while' statement", kw.line);
  if (at_kw("else")) {
    Token e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.line);
  }
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::for_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::For, pos_of(kw));
  size_t start = p_;
  s->target = star_targets();
  if (!at_kw("in")) retry_invalid_target(start, TargetKind::For);
  if (Expr* bad = invalid_target(s->target, TargetKind::For)) fail_invalid_target(bad, TargetKind::For);
  set_store(s->target, TargetKind::For);
  advance();
  s->iter = star_expressions();
  expect_colon();
  block(s->body, "'for' statement", kw.line);
  if (at_kw("else")) {
    Token e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.line);
  }
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::try_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Try, pos_of(kw));
  expect_colon();
  block(s->body, "'try' statement", kw.line);
  while (at_kw("except")) {
    Token ek = advance();
    ExceptHandler h;
    h.pos = pos_of(ek);
    if (at(Tok::STAR)) fail_at(pos_of(cur()), "except* is not supported");
    if (!at(Tok::COLON)) {
      h.type = expression();
      if (at(Tok::COMMA)) {
        std::vector<Expr*> items{h.type};
        while (accept(Tok::COMMA)) items.push_back(expression());
        fail_at(span(items.front()->pos, items.back()->pos), "multiple exception types must be parenthesized");
      }
      if (accept_kw("as")) h.name = std::string(expect(Tok::NAME).text);
    }
    expect_colon();
    block(h.body, "'except' statement", ek.line);
    h.pos = prev_end_span(h.pos);
    s->handlers.push_back(std::move(h));
  }
  if (at_kw("else")) {
    if (s->handlers.empty()) fail_generic();
    Token e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.line);
  }
  if (at_kw("finally")) {
    Token f = advance();
    expect_colon();
    block(s->finalbody, "'finally' statement", f.line);
  }
  if (s->handlers.empty() && s->finalbody.empty()) fail_last_token("expected 'except' or 'finally' block");
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::with_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::With, pos_of(kw));
  bool parens = false;
  if (at(Tok::LPAR)) {
    // "with (a as b, c):" -- try the parenthesised item list first.
    size_t save = p_;
    int save_depth = depth_;
    try {
      advance();
      std::vector<WithItem> items;
      for (;;) {
        WithItem item;
        item.context = expression();
        if (accept_kw("as")) item.target = target_atom(), set_store(item.target, TargetKind::Star);
        items.push_back(item);
        if (!accept(Tok::COMMA) || at(Tok::RPAR)) break;
      }
      expect(Tok::RPAR);
      if (!at(Tok::COLON)) throw CompileError{};
      s->items = std::move(items);
      parens = true;
    } catch (const CompileError&) {
      if (tokenizer_failed_) throw;
      p_ = save;
      depth_ = save_depth;
    }
  }
  if (!parens) {
    for (;;) {
      WithItem item;
      item.context = expression();
      if (accept_kw("as")) {
        size_t start = p_;
        item.target = target_atom();
        if (!at(Tok::COMMA) && !at(Tok::COLON)) retry_invalid_target(start, TargetKind::Star);
        set_store(item.target, TargetKind::Star);
      }
      s->items.push_back(item);
      if (!accept(Tok::COMMA)) break;
    }
  }
  expect_colon();
  block(s->body, "'with' statement", kw.line);
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::decorated() {
  std::vector<Expr*> decorators;
  while (at(Tok::AT)) {
    advance();
    decorators.push_back(named_expression());
    expect(Tok::NEWLINE);
  }
  const Token& t = cur();
  if (t.kind == Tok::NAME && t.text == "def") return funcdef(std::move(decorators), t);
  if (t.kind == Tok::NAME && t.text == "class") return classdef(std::move(decorators), t);
  fail_generic();
}

Stmt* Parser::funcdef(std::vector<Expr*> decorators, const Token& start) {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::FunctionDef, pos_of(start));
  s->decorators = std::move(decorators);
  Token name = expect(Tok::NAME);
  if (is_keyword(name.text)) fail_generic();
  s->name = std::string(name.text);
  if (!at(Tok::LPAR)) {
    fail_last_token("expected '('");
  }
  advance();
  s->args = parameters(Tok::RPAR, true);
  expect(Tok::RPAR);
  if (accept(Tok::RARROW)) s->returns = expression();
  expect_colon();
  block(s->body, "function definition", kw.line);
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::classdef(std::vector<Expr*> decorators, const Token& start) {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::ClassDef, pos_of(start));
  s->decorators = std::move(decorators);
  Token name = expect(Tok::NAME);
  if (is_keyword(name.text)) fail_generic();
  s->name = std::string(name.text);
  if (accept(Tok::LPAR)) {
    Expr* call = arena_.expr(ExprKind::Call, pos_of(name));
    call_arguments(call);
    expect(Tok::RPAR);
    s->bases = std::move(call->items);
    s->keywords = std::move(call->keywords);
  }
  expect_colon();
  block(s->body, "class definition", kw.line);
  s->pos = prev_end_span(s->pos);
  return s;
}

// Parameter list up to [closer] (')' for def, ':' for lambda).
Arguments* Parser::parameters(Tok closer, bool annotations) {
  Arguments* a = arena_.arguments();
  bool star_seen = false, slash_seen = false, default_seen = false;
  while (!at(closer)) {
    Token t = cur();
    if (at(Tok::SLASH)) {
      if (slash_seen) fail_at(pos_of(t), "/ may appear only once");
      if (star_seen) fail_at(pos_of(t), "/ must be ahead of *");
      if (a->args.empty()) fail_at(pos_of(t), "at least one argument must precede /");
      advance();
      slash_seen = true;
      a->posonlyargs = std::move(a->args);
      a->args.clear();
    } else if (at(Tok::DOUBLESTAR)) {
      advance();
      Token n = expect(Tok::NAME);
      a->kwarg_storage = Arg{std::string(n.text), nullptr, pos_of(n)};
      a->kwarg = &a->kwarg_storage;
      if (annotations && accept(Tok::COLON)) a->kwarg->annotation = expression();
      if (at(Tok::EQUAL)) fail_at(pos_of(cur()), "var-keyword argument cannot have default value");
      accept(Tok::COMMA);
      if (!at(closer)) fail_at(pos_of(cur()), "arguments cannot follow var-keyword argument");
      break;
    } else if (at(Tok::STAR)) {
      if (star_seen) fail_at(pos_of(t), "* argument may appear only once");
      advance();
      star_seen = true;
      if (at(Tok::NAME)) {
        Token n = advance();
        a->vararg_storage = Arg{std::string(n.text), nullptr, pos_of(n)};
        a->vararg = &a->vararg_storage;
        if (annotations && accept(Tok::COLON)) a->vararg->annotation = star_expression();
        if (at(Tok::EQUAL)) fail_at(pos_of(cur()), "var-positional argument cannot have default value");
      } else if (at(closer) || (at(Tok::COMMA) && (peek().kind == closer || peek().kind == Tok::DOUBLESTAR))) {
        fail_at(pos_of(t), "named arguments must follow bare *");
      }
    } else {
      Token n = expect(Tok::NAME);
      if (is_keyword(n.text)) fail_generic();
      Arg arg{std::string(n.text), nullptr, pos_of(n)};
      if (annotations && accept(Tok::COLON)) arg.annotation = expression();
      Expr* def = nullptr;
      if (accept(Tok::EQUAL)) def = expression();
      if (star_seen) {
        a->kwonlyargs.push_back(arg);
        a->kw_defaults.push_back(def);
      } else {
        if (def) {
          a->defaults.push_back(def);
          default_seen = true;
        } else if (default_seen) {
          fail_at(pos_of(n), "non-default argument follows default argument");
        }
        a->args.push_back(arg);
      }
    }
    if (!accept(Tok::COMMA)) break;
  }
  return a;
}

// -- Simple statements --------------------------------------------------------------------

Stmt* Parser::simple_stmt() {
  const Token& t = cur();
  if (t.kind == Tok::NAME) {
    if (t.text == "pass") return arena_.stmt(StmtKind::Pass, pos_of(advance()));
    if (t.text == "break") return arena_.stmt(StmtKind::Break, pos_of(advance()));
    if (t.text == "continue") return arena_.stmt(StmtKind::Continue, pos_of(advance()));
    if (t.text == "return") return return_stmt();
    if (t.text == "raise") return raise_stmt();
    if (t.text == "global") return global_stmt(false);
    if (t.text == "nonlocal") return global_stmt(true);
    if (t.text == "del") return del_stmt();
    if (t.text == "assert") return assert_stmt();
    if (t.text == "import") return import_stmt();
    if (t.text == "from") return from_import_stmt();
  }
  return expr_or_assign_stmt();
}

namespace {

bool augassign_op(Tok kind, runtime::BinOp* op) {
  using runtime::BinOp;
  switch (kind) {
    case Tok::PLUSEQUAL: *op = BinOp::IADD; return true;
    case Tok::MINEQUAL: *op = BinOp::ISUB; return true;
    case Tok::STAREQUAL: *op = BinOp::IMUL; return true;
    case Tok::SLASHEQUAL: *op = BinOp::ITRUEDIV; return true;
    case Tok::DOUBLESLASHEQUAL: *op = BinOp::IFLOORDIV; return true;
    case Tok::PERCENTEQUAL: *op = BinOp::IMOD; return true;
    case Tok::DOUBLESTAREQUAL: *op = BinOp::IPOW; return true;
    case Tok::LEFTSHIFTEQUAL: *op = BinOp::ILSHIFT; return true;
    case Tok::RIGHTSHIFTEQUAL: *op = BinOp::IRSHIFT; return true;
    case Tok::AMPEREQUAL: *op = BinOp::IAND; return true;
    case Tok::VBAREQUAL: *op = BinOp::IOR; return true;
    case Tok::CIRCUMFLEXEQUAL: *op = BinOp::IXOR; return true;
    case Tok::ATEQUAL: *op = BinOp::IMATMUL; return true;
    default: return false;
  }
}

}  // namespace

Stmt* Parser::expr_or_assign_stmt() {
  Token start = cur();
  Expr* first = at_kw("yield") ? yield_expr() : star_expressions();
  runtime::BinOp op;
  if (at(Tok::EQUAL)) {
    Stmt* s = arena_.stmt(StmtKind::Assign, first->pos);
    std::vector<Expr*> chain{first};
    while (accept(Tok::EQUAL)) {
      chain.push_back(at_kw("yield") ? yield_expr() : star_expressions());
    }
    s->value = chain.back();
    chain.pop_back();
    check_assign_targets(chain, s->value);
    for (Expr* t : chain) set_store(t, TargetKind::Star);
    s->targets = std::move(chain);
    s->pos = span(s->pos, s->value->pos);
    return s;
  }
  if (augassign_op(cur().kind, &op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail_at(first->pos, std::string("'") + expr_name(first) + "' is an illegal expression for augmented assignment");
    }
    advance();
    Stmt* s = arena_.stmt(StmtKind::AugAssign, first->pos);
    set_store(first, TargetKind::Star);
    s->target = first;
    s->bin_op = op;
    s->value = at_kw("yield") ? yield_expr() : star_expressions();
    s->pos = span(s->pos, s->value->pos);
    return s;
  }
  if (at(Tok::COLON)) {
    if (first->kind == ExprKind::Tuple && !first->parenthesized) {
      fail_at(first->pos, "only single target (not tuple) can be annotated");
    }
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List)
        fail_at(first->pos, std::string("only single target (not ") + expr_name(first) + ") can be annotated");
      fail_at(first->pos, "illegal target for annotation");
    }
    advance();
    Stmt* s = arena_.stmt(StmtKind::AnnAssign, first->pos);
    set_store(first, TargetKind::Star);
    s->target = first;
    s->simple = first->kind == ExprKind::Name && !first->parenthesized;
    s->annotation = expression();
    if (accept(Tok::EQUAL)) s->value = at_kw("yield") ? yield_expr() : star_expressions();
    s->pos = prev_end_span(s->pos);
    return s;
  }
  Stmt* s = arena_.stmt(StmtKind::ExprStmt, first->pos);
  s->value = first;
  (void)start;
  return s;
}

Stmt* Parser::return_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Return, pos_of(kw));
  if (starts_expression(cur()) || at(Tok::STAR)) {
    s->value = star_expressions();
    s->pos = span(s->pos, s->value->pos);
  }
  return s;
}

Stmt* Parser::raise_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Raise, pos_of(kw));
  if (starts_expression(cur())) {
    s->exc = expression();
    if (accept_kw("from")) s->cause = expression();
  }
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::global_stmt(bool nonlocal) {
  Token kw = advance();
  Stmt* s = arena_.stmt(nonlocal ? StmtKind::Nonlocal : StmtKind::Global, pos_of(kw));
  do {
    Token n = expect(Tok::NAME);
    if (is_keyword(n.text)) fail_generic();
    s->idents.push_back(std::string(n.text));
  } while (accept(Tok::COMMA));
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::del_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Delete, pos_of(kw));
  for (;;) {
    Expr* t = at(Tok::STAR) ? star_expression() : bitwise_or();
    if (at_kw("in") || at_kw("not") || at_kw("is") || at_kw("and") || at_kw("or") || at_kw("if")) {
      // Let the invalid-target rule name the whole expression.
      p_--;
      while (p_ > 0 && toks_[p_].col != t->pos.col) p_--;
    }
    s->targets.push_back(t);
    if (!accept(Tok::COMMA)) break;
    if (at(Tok::NEWLINE) || at(Tok::SEMI)) break;
  }
  for (Expr* t : s->targets) {
    if (Expr* bad = invalid_target(t, TargetKind::Del)) fail_invalid_target(bad, TargetKind::Del);
    set_store(t, TargetKind::Del);
  }
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::assert_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Assert, pos_of(kw));
  s->test = expression();
  if (accept(Tok::COMMA)) s->msg = expression();
  s->pos = prev_end_span(s->pos);
  return s;
}

std::string Parser::dotted_name() {
  std::string name(expect(Tok::NAME).text);
  while (at(Tok::DOT)) {
    advance();
    name += ".";
    name += expect(Tok::NAME).text;
  }
  return name;
}

Stmt* Parser::import_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::Import, pos_of(kw));
  do {
    Alias a;
    a.pos = pos_of(cur());
    a.name = dotted_name();
    if (accept_kw("as")) a.asname = std::string(expect(Tok::NAME).text);
    a.pos = prev_end_span(a.pos);
    s->names.push_back(a);
  } while (accept(Tok::COMMA));
  s->pos = prev_end_span(s->pos);
  return s;
}

Stmt* Parser::from_import_stmt() {
  Token kw = advance();
  Stmt* s = arena_.stmt(StmtKind::ImportFrom, pos_of(kw));
  // Relative imports keep their leading dots in the module name ("..pkg").
  std::string dots;
  while (at(Tok::DOT) || at(Tok::ELLIPSIS)) dots += at(Tok::DOT) ? "." : "...", advance();
  s->name = dots.empty() || !at_kw("import") ? dots + dotted_name() : dots;
  expect_kw("import");
  if (at(Tok::STAR)) {
    Alias a;
    a.pos = pos_of(advance());
    a.name = "*";
    s->names.push_back(a);
    s->pos = prev_end_span(s->pos);
    return s;
  }
  bool parens = accept(Tok::LPAR);
  for (;;) {
    Alias a;
    Token n = expect(Tok::NAME);
    a.pos = pos_of(n);
    a.name = std::string(n.text);
    if (accept_kw("as")) a.asname = std::string(expect(Tok::NAME).text);
    s->names.push_back(a);
    if (!accept(Tok::COMMA)) break;
    if (parens && at(Tok::RPAR)) break;
    if (!parens && at(Tok::NEWLINE)) fail_last_token("trailing comma not allowed without surrounding parentheses");
  }
  if (parens) expect(Tok::RPAR);
  s->pos = prev_end_span(s->pos);
  return s;
}

// -- Entry point -------------------------------------------------------------------------------

void parse_module(const SourceText& src, Module& mod) {
  Parser parser(src, mod.arena);
  try {
    parser.parse_file(mod.body);
  } catch (const CompileError& e) {
    if (e.info.kind == "MemoryError") throw;
    throw CompileError{parser.prefer_tokenizer_error(e.info)};
  }
}

}  // namespace contrail::front
