// src/front/parse_expr.cpp -- Expressions, after CPython 3.11's grammar
// (star_expressions down to atom). Binary operators use precedence climbing:
// a chain of one level is a loop, recursion only climbs the six levels, so
// `1+1+...+1` with 200 000 terms parses in constant stack.
// Depends on parser_impl.h.
#include <charconv>
#include <cstdlib>

#include "src/front/parser_impl.h"

namespace contrail::front {

using runtime::BinOp;

Expr* Parser::make_tuple(std::vector<Expr*> items, const Pos& pos) {
  Expr* t = arena_.expr(ExprKind::Tuple, pos);
  t->items = std::move(items);
  return t;
}

// star_expressions: star_expression (',' star_expression)* [',']
Expr* Parser::star_expressions() {
  Expr* first = star_expression();
  if (!at(Tok::COMMA)) return first;
  std::vector<Expr*> items{first};
  Pos end = first->pos;
  while (accept(Tok::COMMA)) {
    end = pos_of(toks_[p_ - 1]);
    if (!starts_expression(cur()) && !at(Tok::STAR)) break;
    items.push_back(star_expression());
    end = items.back()->pos;
  }
  return make_tuple(std::move(items), span(first->pos, end));
}

Expr* Parser::star_expression() {
  if (at(Tok::STAR)) {
    Token star = advance();
    Expr* v = bitwise_or();
    Expr* e = arena_.expr(ExprKind::Starred, span(pos_of(star), v->pos));
    e->a = v;
    return e;
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(Tok::STAR)) {
    Token star = advance();
    Expr* v = bitwise_or();
    Expr* e = arena_.expr(ExprKind::Starred, span(pos_of(star), v->pos));
    e->a = v;
    return e;
  }
  return named_expression();
}

// named_expression: NAME ':=' expression | expression !':='
Expr* Parser::named_expression() {
  if (at(Tok::NAME) && !is_keyword(cur().text) && peek().kind == Tok::COLONEQUAL) {
    Token name = advance();
    advance();
    Expr* target = arena_.expr(ExprKind::Name, pos_of(name));
    target->name = std::string(name.text);
    target->ctx = Ctx::Store;
    Expr* value = expression();
    Expr* e = arena_.expr(ExprKind::NamedExpr, span(target->pos, value->pos));
    e->a = target;
    e->b = value;
    return e;
  }
  Expr* e = expression();
  if (at(Tok::COLONEQUAL)) {
    fail_at(e->pos, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  return e;
}

// expression: disjunction ['if' disjunction 'else' expression] | lambdef
Expr* Parser::expression() {
  Expr* e = expression_no_check();
  check_juxtaposition(e);
  return e;
}

Expr* Parser::expression_no_check() {
  DepthGuard guard(this);
  if (at_kw("lambda")) return lambdef();
  Expr* body = disjunction();
  if (!at_kw("if")) return body;
  advance();
  Expr* test = disjunction();
  if (!at_kw("else")) {
    if (!at(Tok::COLON)) fail_at(span(body->pos, test->pos), "expected 'else' after 'if' expression");
    fail_generic();
  }
  advance();
  Expr* orelse = expression();
  Expr* e = arena_.expr(ExprKind::IfExp, span(body->pos, orelse->pos));
  e->a = test;
  e->b = body;
  e->c = orelse;
  return e;
}

// CPython's invalid_expression: two expressions side by side. Inside brackets
// it is "Perhaps you forgot a comma?"; `print x` gets the legacy message.
void Parser::check_juxtaposition(Expr* a) {
  if (!starts_expression(cur())) return;
  const Token& next = cur();
  bool legacy = a->kind == ExprKind::Name && !a->parenthesized && (a->name == "print" || a->name == "exec");
  if (a->kind == ExprKind::Name && next.kind == Tok::STRING && !legacy) return;
  int level = p_ > 0 ? toks_[p_ - 1].level : 0;
  size_t save = p_, save_furthest = furthest_;
  int save_depth = depth_;
  Expr* b = nullptr;
  try {
    b = legacy ? star_expressions() : expression_no_check();
  } catch (const CompileError&) {
    p_ = save;
    depth_ = save_depth;
    furthest_ = save_furthest;
    if (tokenizer_failed_) throw;
    return;
  }
  if (legacy) {
    fail_at(span(a->pos, b->pos), "Missing parentheses in call to '" + a->name + "'. Did you mean " +
                                      a->name + "(...)?");
  }
  if (level == 0) {
    p_ = save;
    furthest_ = save_furthest;
    return;
  }
  fail_at(span(a->pos, b->pos), "invalid syntax. Perhaps you forgot a comma?");
}

Expr* Parser::yield_expr() {
  Token y = advance();  // 'yield'
  if (accept_kw("from")) {
    Expr* v = expression();
    Expr* e = arena_.expr(ExprKind::YieldFrom, span(pos_of(y), v->pos));
    e->a = v;
    return e;
  }
  Expr* e = arena_.expr(ExprKind::Yield, pos_of(y));
  if (starts_expression(cur()) || at(Tok::STAR)) {
    e->a = star_expressions();
    e->pos = span(e->pos, e->a->pos);
  }
  return e;
}

Expr* Parser::lambdef() {
  Token l = advance();  // 'lambda'
  Arguments* args = parameters(Tok::COLON, false);
  expect(Tok::COLON);
  Expr* body = expression();
  Expr* e = arena_.expr(ExprKind::Lambda, span(pos_of(l), body->pos));
  e->args = args;
  e->a = body;
  return e;
}

// disjunction / conjunction: flat BoolOp lists, like CPython's AST.
Expr* Parser::disjunction() {
  Expr* first = conjunction();
  if (!at_kw("or")) return first;
  Expr* e = arena_.expr(ExprKind::BoolOp, first->pos);
  e->bool_op = BoolOpKind::Or;
  e->items.push_back(first);
  while (accept_kw("or")) e->items.push_back(conjunction());
  e->pos = span(first->pos, e->items.back()->pos);
  return e;
}

Expr* Parser::conjunction() {
  Expr* first = inversion();
  if (!at_kw("and")) return first;
  Expr* e = arena_.expr(ExprKind::BoolOp, first->pos);
  e->bool_op = BoolOpKind::And;
  e->items.push_back(first);
  while (accept_kw("and")) e->items.push_back(inversion());
  e->pos = span(first->pos, e->items.back()->pos);
  return e;
}

Expr* Parser::inversion() {
  if (!at_kw("not")) return comparison();
  DepthGuard guard(this);
  Token n = advance();
  Expr* v = inversion();
  Expr* e = arena_.expr(ExprKind::UnaryOp, span(pos_of(n), v->pos));
  e->unary_op = UnaryKind::Not;
  e->a = v;
  return e;
}

Expr* Parser::comparison() {
  Expr* left = bitwise_or();
  Expr* cmp = nullptr;
  for (;;) {
    CmpKind op;
    const Token& t = cur();
    switch (t.kind) {
      case Tok::LESS: op = CmpKind::Lt; break;
      case Tok::LESSEQUAL: op = CmpKind::LtE; break;
      case Tok::EQEQUAL: op = CmpKind::Eq; break;
      case Tok::NOTEQUAL:
        if (t.text == "<>") fail_generic();
        op = CmpKind::NotEq;
        break;
      case Tok::GREATER: op = CmpKind::Gt; break;
      case Tok::GREATEREQUAL: op = CmpKind::GtE; break;
      case Tok::NAME:
        if (t.text == "in") {
          op = CmpKind::In;
        } else if (t.text == "is") {
          op = peek().kind == Tok::NAME && peek().text == "not" ? CmpKind::IsNot : CmpKind::Is;
        } else if (t.text == "not" && peek().kind == Tok::NAME && peek().text == "in") {
          op = CmpKind::NotIn;
        } else {
          return cmp ? cmp : left;
        }
        break;
      default:
        return cmp ? cmp : left;
    }
    advance();
    if (op == CmpKind::IsNot || op == CmpKind::NotIn) advance();
    if (!cmp) {
      cmp = arena_.expr(ExprKind::Compare, left->pos);
      cmp->a = left;
    }
    cmp->cmp_ops.push_back(op);
    cmp->items.push_back(bitwise_or());
    cmp->pos = span(left->pos, cmp->items.back()->pos);
  }
}

namespace {

// Precedence of a binary operator token (0: not one). ORDER: | ^ & shift sum term.
int binop_prec(Tok kind, BinOp* op) {
  switch (kind) {
    case Tok::VBAR: *op = BinOp::OR; return 1;
    case Tok::CIRCUMFLEX: *op = BinOp::XOR; return 2;
    case Tok::AMPER: *op = BinOp::AND; return 3;
    case Tok::LEFTSHIFT: *op = BinOp::LSHIFT; return 4;
    case Tok::RIGHTSHIFT: *op = BinOp::RSHIFT; return 4;
    case Tok::PLUS: *op = BinOp::ADD; return 5;
    case Tok::MINUS: *op = BinOp::SUB; return 5;
    case Tok::STAR: *op = BinOp::MUL; return 6;
    case Tok::SLASH: *op = BinOp::TRUEDIV; return 6;
    case Tok::DOUBLESLASH: *op = BinOp::FLOORDIV; return 6;
    case Tok::PERCENT: *op = BinOp::MOD; return 6;
    case Tok::AT: *op = BinOp::MATMUL; return 6;
    default: return 0;
  }
}

}  // namespace

Expr* Parser::binary(int min_prec) {
  Expr* left = min_prec > 6 ? factor() : binary(min_prec + 1);
  if (min_prec > 6) return left;
  for (;;) {
    BinOp op = BinOp::ADD;
    int prec = binop_prec(cur().kind, &op);
    if (prec != min_prec) return left;
    advance();
    Expr* right = binary(min_prec + 1);
    Expr* e = arena_.expr(ExprKind::BinOp, span(left->pos, right->pos));
    e->a = left;
    e->b = right;
    e->bin_op = op;
    left = e;
  }
}

Expr* Parser::factor() {
  UnaryKind op;
  switch (cur().kind) {
    case Tok::PLUS: op = UnaryKind::UAdd; break;
    case Tok::MINUS: op = UnaryKind::USub; break;
    case Tok::TILDE: op = UnaryKind::Invert; break;
    default: return power();
  }
  DepthGuard guard(this);
  Token t = advance();
  Expr* v = factor();
  Expr* e = arena_.expr(ExprKind::UnaryOp, span(pos_of(t), v->pos));
  e->unary_op = op;
  e->a = v;
  return e;
}

Expr* Parser::power() {
  Expr* base = primary();
  if (!at(Tok::DOUBLESTAR)) return base;
  DepthGuard guard(this);
  advance();
  Expr* exp = factor();
  Expr* e = arena_.expr(ExprKind::BinOp, span(base->pos, exp->pos));
  e->a = base;
  e->b = exp;
  e->bin_op = BinOp::POW;
  return e;
}

Expr* Parser::primary() {
  if (at_kw("await")) fail_generic();
  return postfix(atom());
}

// primary: primary '.' NAME | primary '(' args ')' | primary '[' slices ']'
Expr* Parser::postfix(Expr* e) {
  for (;;) {
    if (at(Tok::DOT)) {
      advance();
      Token name = expect(Tok::NAME);
      Expr* a = arena_.expr(ExprKind::Attribute, span(e->pos, pos_of(name)));
      a->a = e;
      a->name = std::string(name.text);
      e = a;
    } else if (at(Tok::LPAR)) {
      advance();
      Expr* call = arena_.expr(ExprKind::Call, e->pos);
      call->a = e;
      call_arguments(call);
      Token close = expect(Tok::RPAR);
      call->pos = span(e->pos, pos_of(close));
      e = call;
    } else if (at(Tok::LSQB)) {
      advance();
      Expr* s = arena_.expr(ExprKind::Subscript, e->pos);
      s->a = e;
      s->b = slices();
      Token close = expect(Tok::RSQB);
      s->pos = span(e->pos, pos_of(close));
      e = s;
    } else {
      return e;
    }
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr* Parser::slices() {
  Expr* first = slice_item();
  if (!at(Tok::COMMA)) return first;
  std::vector<Expr*> items{first};
  while (accept(Tok::COMMA)) {
    if (at(Tok::RSQB)) break;
    items.push_back(slice_item());
  }
  Pos where = span(first->pos, items.back()->pos);  // before items is moved from
  return make_tuple(std::move(items), where);
}

Expr* Parser::slice_item() {
  if (at(Tok::STAR)) return star_expression();
  Pos start = pos_of(cur());
  Expr* lower = nullptr;
  if (!at(Tok::COLON)) {
    lower = named_expression();
    if (!at(Tok::COLON)) return lower;
  }
  Expr* s = arena_.expr(ExprKind::Slice, start);
  s->a = lower;
  Token colon = advance();
  Pos end = pos_of(colon);
  if (!at(Tok::COLON) && !at(Tok::COMMA) && !at(Tok::RSQB)) {
    s->b = expression();
    end = s->b->pos;
  }
  if (at(Tok::COLON)) {
    end = pos_of(advance());
    if (!at(Tok::COMMA) && !at(Tok::RSQB)) {
      s->c = expression();
      end = s->c->pos;
    }
  }
  s->pos = span(start, end);
  return s;
}

void Parser::call_arguments(Expr* call) {
  bool seen_kw = false, seen_dstar = false;
  while (!at(Tok::RPAR)) {
    Token start = cur();
    if (at(Tok::DOUBLESTAR)) {
      advance();
      Keyword k;
      k.value = expression();
      k.pos = span(pos_of(start), k.value->pos);
      call->keywords.push_back(k);
      seen_dstar = true;
    } else if (at(Tok::STAR)) {
      advance();
      Expr* v = expression();
      if (seen_dstar) fail_at(pos_of(start), "iterable argument unpacking follows keyword argument unpacking");
      Expr* s = arena_.expr(ExprKind::Starred, span(pos_of(start), v->pos));
      s->a = v;
      call->items.push_back(s);
    } else if (at(Tok::NAME) && peek().kind == Tok::EQUAL) {
      Token name = advance();
      advance();
      if (name.text == "True" || name.text == "False" || name.text == "None")
        fail_at(pos_of(name), "cannot assign to " + std::string(name.text));
      if (is_keyword(name.text)) fail_generic();
      Keyword k;
      k.arg = std::string(name.text);
      k.value = expression();
      k.pos = span(pos_of(name), k.value->pos);
      call->keywords.push_back(k);
      seen_kw = true;
    } else {
      Expr* v = named_expression();
      if (at_kw("for")) {
        Expr* g = arena_.expr(ExprKind::GeneratorExp, v->pos);
        g->a = v;
        comprehension_clauses(g->generators);
        g->pos = span(v->pos, pos_of(toks_[p_ - 1]));
        bool alone = call->items.empty() && call->keywords.empty() && at(Tok::RPAR);
        if (!alone) fail_at(g->pos, "Generator expression must be parenthesized");
        v = g;
      } else if (at(Tok::EQUAL)) {
        fail_at(span(v->pos, pos_of(cur())), "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (seen_dstar) fail_last_token("positional argument follows keyword argument unpacking");
      if (seen_kw) fail_last_token("positional argument follows keyword argument");
      call->items.push_back(v);
    }
    if (!accept(Tok::COMMA)) break;
  }
}

void Parser::comprehension_clauses(std::vector<Comprehension>& out) {
  while (at_kw("for") || (at_kw("async") && peek().kind == Tok::NAME && peek().text == "for")) {
    if (at_kw("async")) fail_generic();
    advance();
    Comprehension c;
    size_t start = p_;
    c.target = star_targets();
    if (!at_kw("in")) retry_invalid_target(start, TargetKind::For);
    if (Expr* bad = invalid_target(c.target, TargetKind::For)) fail_invalid_target(bad, TargetKind::For);
    set_store(c.target, TargetKind::For);
    advance();
    c.iter = disjunction();
    while (at_kw("if")) {
      advance();
      c.ifs.push_back(disjunction());
    }
    out.push_back(std::move(c));
  }
}

// -- Atoms -------------------------------------------------------------------------

Expr* Parser::atom() {
  const Token& t = cur();
  switch (t.kind) {
    case Tok::NAME: {
      Expr* e;
      if (t.text == "None" || t.text == "True" || t.text == "False") {
        e = arena_.expr(ExprKind::Constant, pos_of(t));
        if (t.text == "None") e->value.v = NoneConst{};
        else e->value.v = t.text == "True";
      } else {
        if (is_keyword(t.text)) fail_generic();
        e = arena_.expr(ExprKind::Name, pos_of(t));
        e->name = std::string(t.text);
      }
      advance();
      return e;
    }
    case Tok::NUMBER: return number(advance());
    case Tok::STRING: return strings();
    case Tok::ELLIPSIS: {
      Expr* e = arena_.expr(ExprKind::Constant, pos_of(advance()));
      e->value.v = EllipsisConst{};
      return e;
    }
    case Tok::LPAR: return paren_atom();
    case Tok::LSQB: return list_atom();
    case Tok::LBRACE: return brace_atom();
    default: fail_generic();
  }
}

// '(' ')' | '(' yield_expr ')' | '(' named_expression ')' | genexp | tuple
Expr* Parser::paren_atom() {
  DepthGuard guard(this);
  Token open = advance();
  if (at(Tok::RPAR)) {
    Token close = advance();
    return make_tuple({}, span(pos_of(open), pos_of(close)));
  }
  if (at_kw("yield")) {
    Expr* y = yield_expr();
    expect(Tok::RPAR);
    y->parenthesized = true;
    return y;
  }
  Expr* first = star_named_expression();
  if (at_kw("for") || at_kw("async")) {
    if (first->kind == ExprKind::Starred) fail_at(first->pos, "iterable unpacking cannot be used in comprehension");
    Expr* g = arena_.expr(ExprKind::GeneratorExp, first->pos);
    g->a = first;
    comprehension_clauses(g->generators);
    Token close = expect(Tok::RPAR);
    g->pos = span(pos_of(open), pos_of(close));
    return g;
  }
  if (at(Tok::RPAR)) {
    advance();
    if (first->kind == ExprKind::Starred) fail_at(first->pos, "cannot use starred expression here");
    first->parenthesized = true;
    return first;
  }
  if (!at(Tok::COMMA)) fail_generic();
  std::vector<Expr*> items{first};
  while (accept(Tok::COMMA)) {
    if (at(Tok::RPAR)) break;
    items.push_back(star_named_expression());
  }
  Token close = expect(Tok::RPAR);
  Expr* t = make_tuple(std::move(items), span(pos_of(open), pos_of(close)));
  t->parenthesized = true;
  return t;
}

Expr* Parser::list_atom() {
  DepthGuard guard(this);
  Token open = advance();
  Expr* e = arena_.expr(ExprKind::List, pos_of(open));
  if (!at(Tok::RSQB)) {
    Expr* first = star_named_expression();
    if (at_kw("for") || at_kw("async")) {
      if (first->kind == ExprKind::Starred) fail_at(first->pos, "iterable unpacking cannot be used in comprehension");
      e->kind = ExprKind::ListComp;
      e->a = first;
      comprehension_clauses(e->generators);
    } else {
      e->items.push_back(first);
      while (accept(Tok::COMMA)) {
        if (at(Tok::RSQB)) break;
        e->items.push_back(star_named_expression());
      }
    }
  }
  Token close = expect(Tok::RSQB);
  e->pos = span(pos_of(open), pos_of(close));
  return e;
}

// dict / set displays and comprehensions.
Expr* Parser::brace_atom() {
  DepthGuard guard(this);
  Token open = advance();
  Expr* e = arena_.expr(ExprKind::Dict, pos_of(open));
  if (at(Tok::RBRACE)) {
    e->pos = span(pos_of(open), pos_of(advance()));
    return e;
  }
  auto dict_item = [&](Expr* key) {
    if (!key) {
      advance();  // '**'
      e->items.push_back(nullptr);
      e->values.push_back(bitwise_or());
      return;
    }
    expect(Tok::COLON);
    e->items.push_back(key);
    e->values.push_back(expression());
  };
  if (at(Tok::DOUBLESTAR)) {
    dict_item(nullptr);
  } else {
    Expr* first = star_named_expression();
    if (at(Tok::COLON) && first->kind != ExprKind::Starred) {
      dict_item(first);
      if (at_kw("for") || at_kw("async")) {
        e->kind = ExprKind::DictComp;
        e->a = e->items[0];
        e->b = e->values[0];
        e->items.clear();
        e->values.clear();
        comprehension_clauses(e->generators);
        Token close = expect(Tok::RBRACE);
        e->pos = span(pos_of(open), pos_of(close));
        return e;
      }
    } else {
      e->kind = ExprKind::Set;
      if (at_kw("for") || at_kw("async")) {
        if (first->kind == ExprKind::Starred) fail_at(first->pos, "iterable unpacking cannot be used in comprehension");
        e->kind = ExprKind::SetComp;
        e->a = first;
        comprehension_clauses(e->generators);
        Token close = expect(Tok::RBRACE);
        e->pos = span(pos_of(open), pos_of(close));
        return e;
      }
      e->items.push_back(first);
      while (accept(Tok::COMMA)) {
        if (at(Tok::RBRACE)) break;
        e->items.push_back(star_named_expression());
      }
      Token close = expect(Tok::RBRACE);
      e->pos = span(pos_of(open), pos_of(close));
      return e;
    }
  }
  while (accept(Tok::COMMA)) {
    if (at(Tok::RBRACE)) break;
    if (at(Tok::DOUBLESTAR)) dict_item(nullptr);
    else dict_item(expression());
  }
  Token close = expect(Tok::RBRACE);
  e->pos = span(pos_of(open), pos_of(close));
  return e;
}

// NUMBER token to a Constant: int64 when it fits, IntLiteral otherwise, double.
Expr* Parser::number(const Token& t) {
  Expr* e = arena_.expr(ExprKind::Constant, pos_of(t));
  std::string s;
  for (char ch : t.text)
    if (ch != '_') s += ch;
  char last = s.empty() ? '0' : s.back();
  if (last == 'j' || last == 'J') fail_at(pos_of(t), "imaginary literals are not supported");
  int base = 10;
  std::string digits = s;
  if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, digits = s.substr(2);
  else if (s.size() > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, digits = s.substr(2);
  else if (s.size() > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, digits = s.substr(2);
  bool is_float = base == 10 && s.find_first_of(".eE") != std::string::npos;
  if (is_float) {
    e->value.v = std::strtod(s.c_str(), nullptr);
    return e;
  }
  // CPython 3.11 converts decimal literals with int(): past sys.int_info's
  // default max_str_digits (4300) compiling fails (underscores not counted).
  if (base == 10 && digits.size() > 4300 && digits.find_first_not_of('0') != std::string::npos) {
    fail_at(pos_of(t), "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                           std::to_string(digits.size()) +
                           " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                           "hexadecimal for huge integer literals to avoid decimal conversion limits.");
  }
  size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
  if (ec == std::errc() && ptr == digits.data() + digits.size()) {
    e->value.v = v;
  } else {
    e->value.v = IntLiteral{digits, base};
  }
  return e;
}

}  // namespace contrail::front
