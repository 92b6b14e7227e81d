// src/front/parse_target.cpp -- Assignment targets: parsing star_targets,
// marking Store/Del context, and CPython 3.11's invalid-target messages
// ("cannot assign to function call", "... here. Maybe you meant '==' ...").
// Depends on parser_impl.h.
#include "src/front/parser_impl.h"

namespace contrail::front {

const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant:
      if (std::holds_alternative<NoneConst>(e->value.v)) return "None";
      if (const bool* b = std::get_if<bool>(&e->value.v)) return *b ? "True" : "False";
      if (std::holds_alternative<EllipsisConst>(e->value.v)) return "ellipsis";
      return "literal";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
  }
  return "expression";
}

// star_targets: star_target (',' star_target)* [','] -- parsed at primary
// level so that `for x in y` does not read `x in y` as a comparison.
Expr* Parser::star_targets() {
  Expr* first = target_atom();
  if (!at(Tok::COMMA)) return first;
  std::vector<Expr*> items{first};
  while (accept(Tok::COMMA)) {
    if (!(at(Tok::STAR) || at(Tok::NAME) || at(Tok::LPAR) || at(Tok::LSQB)) || at_kw("in") || at_kw("as"))
      break;
    items.push_back(target_atom());
  }
  Pos where = span(first->pos, items.back()->pos);  // before items is moved from
  return make_tuple(std::move(items), where);
}

Expr* Parser::target_atom() {
  if (at(Tok::STAR)) {
    Token star = advance();
    Expr* v = target_atom();
    Expr* e = arena_.expr(ExprKind::Starred, span(pos_of(star), v->pos));
    e->a = v;
    return e;
  }
  return primary();
}

// _PyPegen_get_invalid_target: the first sub-expression that cannot be assigned
// to (or deleted), or nullptr.
Expr* Parser::invalid_target(Expr* e, TargetKind kind) {
  switch (e->kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
      for (Expr* item : e->items) {
        if (Expr* bad = invalid_target(item, kind)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalid_target(e->a, kind);
    case ExprKind::Compare:
      if (kind == TargetKind::For) {
        if (e->cmp_ops[0] == CmpKind::In) return invalid_target(e->a, kind);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute: return nullptr;
    default: return e;
  }
}

void Parser::fail_invalid_target(Expr* bad, TargetKind kind) {
  const char* verb = kind == TargetKind::Del ? "cannot delete " : "cannot assign to ";
  fail_at(bad->pos, verb + std::string(expr_name(bad)));
}

// The target did not end where a target must ([start] is its first token):
// re-read it as an expression to name what is wrong, like invalid_for_target.
void Parser::retry_invalid_target(size_t start, TargetKind kind) {
  size_t fail_pos = p_, save_furthest = furthest_;
  int save_depth = depth_;
  p_ = start;
  Expr* e = nullptr;
  try {
    e = star_expressions();
  } catch (const CompileError&) {
    if (tokenizer_failed_) throw;
    e = nullptr;
  }
  depth_ = save_depth;
  if (e) {
    if (Expr* bad = invalid_target(e, kind)) fail_invalid_target(bad, kind);
  }
  p_ = fail_pos;
  furthest_ = save_furthest;
  fail_generic();
}

void Parser::set_store(Expr* e, TargetKind kind) {
  Ctx ctx = kind == TargetKind::Del ? Ctx::Del : Ctx::Store;
  switch (e->kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
      e->ctx = ctx;
      for (Expr* item : e->items) set_store(item, kind);
      return;
    case ExprKind::Starred:
      e->ctx = ctx;
      set_store(e->a, kind);
      return;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      e->ctx = ctx;
      return;
    default:
      fail_invalid_target(e, kind);
  }
}

namespace {

// An expression the grammar's bitwise_or rule produces on its own (the first
// element of invalid_named_expression).
bool is_bitwise_or(const Expr* e) {
  if (e->parenthesized) return true;
  switch (e->kind) {
    case ExprKind::BoolOp:
    case ExprKind::Compare:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::Starred:
    case ExprKind::NamedExpr:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
    case ExprKind::Tuple: return false;
    case ExprKind::UnaryOp: return e->unary_op != UnaryKind::Not;
    default: return true;
  }
}

// The leftmost bitwise_or of [e], or nullptr when [e] starts with
// not / lambda / yield / '*'.
const Expr* leftmost_bitwise_or(const Expr* e) {
  while (!is_bitwise_or(e)) {
    switch (e->kind) {
      case ExprKind::BoolOp: e = e->items[0]; break;
      case ExprKind::Compare: e = e->a; break;
      case ExprKind::IfExp: e = e->b; break;
      case ExprKind::Tuple:
        if (e->items.empty()) return nullptr;
        e = e->items[0];
        break;
      default: return nullptr;
    }
  }
  return e;
}

bool excluded_start(const Expr* e) {
  switch (e->kind) {
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::Tuple:
    case ExprKind::GeneratorExp: return true;
    case ExprKind::Constant:
      return std::holds_alternative<NoneConst>(e->value.v) || std::holds_alternative<bool>(e->value.v);
    case ExprKind::Attribute:
    case ExprKind::Subscript:
    case ExprKind::Call: return excluded_start(e->a);
    case ExprKind::BinOp: return excluded_start(e->a);
    default: return false;
  }
}

}  // namespace

// Raises the error CPython 3.11 gives for an assignment `t1 = t2 = .. = value`
// with an invalid target, if any: first invalid_named_expression on the
// elements of t1 (the "... here. Maybe you meant ..." forms), then
// invalid_assignment on each target in turn.
void Parser::check_assign_targets(const std::vector<Expr*>& chain, Expr* value) {
  bool any_bad = false;
  for (Expr* t : chain) {
    if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom || invalid_target(t, TargetKind::Star))
      any_bad = true;
  }
  if (!any_bad) return;
  Expr* first = chain[0];
  Expr* rhs = chain.size() > 1 ? chain[1] : value;
  const Expr* rhs_head = leftmost_bitwise_or(rhs);
  // The token after rhs_head is '=' only when rhs is rhs_head and more targets follow.
  bool rhs_ok = rhs_head && !(rhs_head == rhs && chain.size() > 1);
  std::vector<Expr*> elements;
  if (first->kind == ExprKind::Tuple && !first->parenthesized && !first->items.empty()) elements = first->items;
  else elements.push_back(first);
  Expr* last = elements.back();
  if (rhs_ok && last->kind != ExprKind::Starred && is_bitwise_or(last)) {
    if (last->kind == ExprKind::Name && !last->parenthesized) {
      Pos p = span(last->pos, rhs_head->pos);
      fail_at(p, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (!excluded_start(last) && invalid_target(last, TargetKind::Star)) {
      fail_at(last->pos, std::string("cannot assign to ") + expr_name(last) +
                             " here. Maybe you meant '==' instead of '='?");
    }
  }
  for (Expr* t : chain) {
    if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom)
      fail_at(t->pos, "assignment to yield expression not possible");
    if (Expr* bad = invalid_target(t, TargetKind::Star)) fail_invalid_target(bad, TargetKind::Star);
  }
}

}  // namespace contrail::front
