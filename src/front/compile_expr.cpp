// src/front/compile_expr.cpp -- Expressions to bytecode (CPython 3.11's
// compiler_visit_expr1 and helpers, with our opcodes).
// Invariants: every expression leaves exactly one value on the stack; the
// current line is the expression's first line while its code is emitted;
// left-leaning BinOp chains compile in a loop; nesting is bounded by kMaxDepth.
// Depends on compiler_impl.h.
#include <cmath>

#include "src/front/compiler_impl.h"

namespace contrail::front {

using runtime::BinOp;
using runtime::CmpOp;

void Compiler::expr(Expr* e) {
  if (++depth_ > kMaxDepth) fail_recursion();
  int saved = u().line;
  set_line(e->pos.line);
  if (e->kind == ExprKind::BinOp) binop_chain(e);
  else expr_node(e);
  set_line(saved);
  depth_--;
}

// a + b + c + ...: walk down the left spine, then emit bottom-up.
void Compiler::binop_chain(Expr* e) {
  std::vector<Expr*> spine;
  while (e->kind == ExprKind::BinOp) {
    spine.push_back(e);
    e = e->a;
  }
  expr(e);
  for (size_t i = spine.size(); i-- > 0;) {
    Expr* node = spine[i];
    expr(node->b);
    set_line(node->pos.line);
    emit(Op::BINARY_OP, static_cast<uint32_t>(node->bin_op));
  }
}

// Folds -<number> and constant tuples into one constant, as CPython's AST optimiser.
bool Compiler::fold_constant(Expr* e, ConstValue* out) {
  if (e->kind == ExprKind::Constant) {
    *out = e->value;
    return true;
  }
  if (e->kind == ExprKind::UnaryOp && e->unary_op == UnaryKind::USub) {
    ConstValue inner;
    if (!fold_constant(e->a, &inner)) return false;
    if (const int64_t* i = std::get_if<int64_t>(&inner.v)) {
      if (*i == INT64_MIN) return false;
      out->v = -*i;
      return true;
    }
    if (const double* d = std::get_if<double>(&inner.v)) {
      out->v = -*d;
      return true;
    }
    return false;
  }
  if (e->kind == ExprKind::Tuple && e->ctx == Ctx::Load) {
    ConstTuple items;
    for (Expr* item : e->items) {
      ConstValue v;
      if (item->kind == ExprKind::Starred || !fold_constant(item, &v)) return false;
      items.push_back(std::move(v));
    }
    out->v = std::move(items);
    return true;
  }
  return false;
}

void Compiler::expr_node(Expr* e) {
  switch (e->kind) {
    case ExprKind::Constant: load_const(e->value); return;
    case ExprKind::Name: name_op(e->name, e->ctx); return;
    case ExprKind::BinOp: binop_chain(e); return;
    case ExprKind::UnaryOp: {
      ConstValue folded;
      if (e->unary_op == UnaryKind::USub && fold_constant(e, &folded)) {
        load_const(std::move(folded));
        return;
      }
      expr(e->a);
      switch (e->unary_op) {
        case UnaryKind::Invert: emit(Op::UNARY_INVERT); break;
        case UnaryKind::Not: emit(Op::UNARY_NOT); break;
        case UnaryKind::UAdd: emit(Op::UNARY_POS); break;
        case UnaryKind::USub: emit(Op::UNARY_NEG); break;
      }
      return;
    }
    case ExprKind::BoolOp: boolop(e); return;
    case ExprKind::Compare: compare(e); return;
    case ExprKind::IfExp: {
      int orelse = new_label(), end = new_label();
      jump_if(e->a, false, orelse);
      expr(e->b);
      emit_jump(Op::JUMP, end);
      bind(orelse);
      expr(e->c);
      bind(end);
      return;
    }
    case ExprKind::NamedExpr:
      expr(e->b);
      emit(Op::COPY, 1);
      store_target(e->a);
      return;
    case ExprKind::Lambda: lambda(e); return;
    case ExprKind::Call: call(e); return;
    case ExprKind::Attribute:
      expr(e->a);
      set_line(e->pos.end_line);
      emit(Op::LOAD_ATTR, add_name(mangle(e->name)));
      return;
    case ExprKind::Subscript:
      expr(e->a);
      expr(e->b);
      emit(Op::BINARY_SUBSCR);
      return;
    case ExprKind::Slice:
      if (e->a) expr(e->a); else load_none();
      if (e->b) expr(e->b); else load_none();
      if (e->c) expr(e->c);
      emit(Op::BUILD_SLICE, e->c ? 3 : 2);
      return;
    case ExprKind::Tuple: {
      ConstValue folded;
      if (fold_constant(e, &folded)) {
        load_const(std::move(folded));
        return;
      }
      starunpack(e->items, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
      return;
    }
    case ExprKind::List: starunpack(e->items, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false); return;
    case ExprKind::Set: starunpack(e->items, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false); return;
    case ExprKind::Dict: dict(e); return;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: comprehension(e); return;
    case ExprKind::Yield:
      if (u().block->kind != BlockKind::Function) fail(e->pos, "'yield' outside function");
      if (e->a) expr(e->a); else load_none();
      emit(Op::YIELD_VALUE);
      return;
    case ExprKind::YieldFrom:
      if (u().block->kind != BlockKind::Function) fail(e->pos, "'yield' outside function");
      expr(e->a);
      emit(Op::GET_YIELD_FROM_ITER);
      load_none();
      yield_from();
      return;
    case ExprKind::JoinedStr: joined_str(e); return;
    case ExprKind::FormattedValue: formatted_value(e); return;
    case ExprKind::Starred: fail(e->pos, "can't use starred expression here");
  }
}

void Compiler::yield_from() {
  int send = new_label(), exit = new_label();
  bind(send);
  emit_jump(Op::SEND, exit);
  emit(Op::YIELD_VALUE);
  emit_jump(Op::JUMP, send);
  bind(exit);
}

void Compiler::boolop(Expr* e) {
  int end = new_label();
  Op jump = e->bool_op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i + 1 < e->items.size(); i++) {
    expr(e->items[i]);
    emit_jump(jump, end);
  }
  expr(e->items.back());
  bind(end);
}

void Compiler::compare(Expr* e) {
  auto cmp = [&](CmpKind op) {
    switch (op) {
      case CmpKind::Is: emit(Op::IS_OP, 0); break;
      case CmpKind::IsNot: emit(Op::IS_OP, 1); break;
      case CmpKind::In: emit(Op::CONTAINS_OP, 0); break;
      case CmpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
      default: emit(Op::COMPARE_OP, static_cast<uint32_t>(op)); break;  // ORDER CMP: Lt..GtE == CmpOp
    }
  };
  static_assert(static_cast<int>(CmpKind::GtE) == static_cast<int>(CmpOp::GE));
  expr(e->a);
  size_t n = e->items.size();
  if (n == 1) {
    expr(e->items[0]);
    cmp(e->cmp_ops[0]);
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < n; i++) {
    expr(e->items[i]);
    emit(Op::SWAP, 2);
    emit(Op::COPY, 2);
    cmp(e->cmp_ops[i]);
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  expr(e->items[n - 1]);
  cmp(e->cmp_ops[n - 1]);
  emit_jump(Op::JUMP, end);
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_TOP);
  bind(end);
}

// Jumps to [label] when [e] is truthy == [cond]; falls through otherwise.
void Compiler::jump_if(Expr* e, bool cond, int label) {
  if (e->kind == ExprKind::UnaryOp && e->unary_op == UnaryKind::Not) {
    jump_if(e->a, !cond, label);
    return;
  }
  if (e->kind == ExprKind::BoolOp) {
    bool is_or = e->bool_op == BoolOpKind::Or;
    int next = label;
    if (is_or != cond) next = new_label();
    for (size_t i = 0; i + 1 < e->items.size(); i++) jump_if(e->items[i], is_or, next);
    jump_if(e->items.back(), cond, label);
    if (next != label) bind(next);
    return;
  }
  expr(e);
  emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

// -- Calls -------------------------------------------------------------------------------

// CPython's validate_keywords: f(a=1, a=2) is a compile-time error.
void Compiler::check_keywords(const std::vector<Keyword>& kws) {
  for (size_t i = 0; i < kws.size(); i++) {
    if (kws[i].arg.empty()) continue;
    for (size_t j = i + 1; j < kws.size(); j++) {
      if (kws[j].arg == kws[i].arg) fail(kws[j].pos, "keyword argument repeated: " + kws[i].arg);
    }
  }
}

void Compiler::call(Expr* e) {
  check_keywords(e->keywords);
  bool has_star = false;
  for (Expr* a : e->items) has_star |= a->kind == ExprKind::Starred;
  for (const Keyword& k : e->keywords) has_star |= k.arg.empty();
  bool big = e->items.size() + e->keywords.size() > kStackUseGuideline;
  Expr* f = e->a;
  if (f->kind == ExprKind::Attribute && !has_star && !big) {
    expr(f->a);
    set_line(f->pos.end_line);
    emit(Op::LOAD_METHOD, add_name(mangle(f->name)));
    set_line(e->pos.line);
    call_args(e->items, e->keywords, true);
    return;
  }
  expr(f);
  emit(Op::PUSH_NULL);
  if (has_star || big) {
    call_ex(e->items, e->keywords);
    return;
  }
  call_args(e->items, e->keywords, false);
}

void Compiler::call_args(const std::vector<Expr*>& args, const std::vector<Keyword>& kws, bool) {
  for (Expr* a : args) expr(a);
  for (const Keyword& k : kws) expr(k.value);
  auto n = static_cast<uint32_t>(args.size() + kws.size());
  if (kws.empty()) {
    emit(Op::CALL, n);
    return;
  }
  ConstTuple names;
  for (const Keyword& k : kws) names.push_back(ConstValue{k.arg});
  load_const(ConstValue{std::move(names)});
  emit(Op::CALL_KW, n);
}

// f(*args, **kwargs) with the function and NULL already pushed.
void Compiler::call_ex(const std::vector<Expr*>& args, const std::vector<Keyword>& kws) {
  starunpack(args, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
  bool have_dict = false;
  std::vector<const Keyword*> pending;
  auto flush = [&]() {
    if (pending.empty()) return;
    for (const Keyword* k : pending) {
      load_const(ConstValue{k->arg});
      expr(k->value);
    }
    emit(Op::BUILD_MAP, static_cast<uint32_t>(pending.size()));
    if (have_dict) emit(Op::DICT_MERGE, 1);
    have_dict = true;
    pending.clear();
  };
  for (const Keyword& k : kws) {
    if (!k.arg.empty()) {
      pending.push_back(&k);
      continue;
    }
    flush();
    if (!have_dict) {
      emit(Op::BUILD_MAP, 0);
      have_dict = true;
    }
    expr(k.value);
    emit(Op::DICT_MERGE, 1);
  }
  flush();
  emit(Op::CALL_EX, have_dict ? 1 : 0);
}

// Builds a list/set/tuple from [items], some of which may be starred.
void Compiler::starunpack(const std::vector<Expr*>& items, Op build, Op add, Op extend, bool tuple) {
  bool has_star = false;
  for (Expr* e : items) has_star |= e->kind == ExprKind::Starred;
  if (!has_star && items.size() <= kStackUseGuideline) {
    for (Expr* e : items) expr(e);
    emit(tuple ? Op::BUILD_TUPLE : build, static_cast<uint32_t>(items.size()));
    return;
  }
  size_t lead = 0;
  if (items.size() <= kStackUseGuideline) {
    while (lead < items.size() && items[lead]->kind != ExprKind::Starred) expr(items[lead++]);
  }
  emit(build, static_cast<uint32_t>(lead));
  for (size_t i = lead; i < items.size(); i++) {
    if (items[i]->kind == ExprKind::Starred) {
      expr(items[i]->a);
      emit(extend, 1);
    } else {
      expr(items[i]);
      emit(add, 1);
    }
  }
  if (tuple) emit(Op::LIST_TO_TUPLE);
}

void Compiler::dict(Expr* e) {
  size_t n = e->values.size();
  bool has_splat = false;
  for (Expr* k : e->items) has_splat |= k == nullptr;
  if (!has_splat && n <= kStackUseGuideline) {
    for (size_t i = 0; i < n; i++) {
      expr(e->items[i]);
      expr(e->values[i]);
    }
    emit(Op::BUILD_MAP, static_cast<uint32_t>(n));
    return;
  }
  emit(Op::BUILD_MAP, 0);
  for (size_t i = 0; i < n; i++) {
    if (!e->items[i]) {
      expr(e->values[i]);
      emit(Op::DICT_UPDATE, 1);
    } else {
      expr(e->items[i]);
      expr(e->values[i]);
      emit(Op::MAP_ADD, 1);
    }
  }
}

// -- f-strings ----------------------------------------------------------------------------

void Compiler::joined_str(Expr* e) {
  if (e->items.empty()) {
    load_const(ConstValue{std::string()});
    return;
  }
  for (Expr* part : e->items) expr(part);
  if (e->items.size() == 1) return;
  emit(Op::BUILD_STRING, static_cast<uint32_t>(e->items.size()));
}

void Compiler::formatted_value(Expr* e) {
  expr(e->a);
  uint32_t flags = runtime::kFormatConvNone;
  if (e->conversion == 's') flags = runtime::kFormatConvStr;
  else if (e->conversion == 'r') flags = runtime::kFormatConvRepr;
  else if (e->conversion == 'a') flags = runtime::kFormatConvAscii;
  if (e->b) {
    expr(e->b);
    flags |= runtime::kFormatHasSpec;
  }
  emit(Op::FORMAT_VALUE, flags);
}

// -- Functions, lambdas and comprehensions ---------------------------------------------------

// Pushes the closure tuple (if any), the code and MAKE_FUNCTION [flags].
void Compiler::make_closure(const std::shared_ptr<CodeUnit>& code, Block*, uint32_t flags) {
  if (!code->freevars.empty()) {
    for (const std::string& name : code->freevars) {
      int i = cell_index(name);
      emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(i < 0 ? 0 : i));
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
    flags |= runtime::kFnClosure;
  }
  load_const(ConstValue{code});
  emit(Op::MAKE_FUNCTION, flags);
}

void Compiler::lambda(Expr* e) {
  uint32_t flags = 0;
  defaults(e->args, &flags);
  Block* block = st_.block_for(e);
  Arguments* a = e->args;
  uint32_t code_flags = 0;
  if (a->vararg) code_flags |= runtime::kCodeVarargs;
  if (a->kwarg) code_flags |= runtime::kCodeVarkeywords;
  if (block->is_generator) code_flags |= runtime::kCodeGenerator;
  enter_unit(block, "<lambda>", qualname_for("<lambda>", true), e->pos.line, code_flags);
  CodeUnit& c = *u().code;
  c.argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
  c.posonlyargcount = static_cast<int>(a->posonlyargs.size());
  c.kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
  add_const(ConstValue{NoneConst{}});  // a lambda has no docstring
  if (block->is_generator) emit(Op::RETURN_GENERATOR);
  expr(e->a);
  if (block->is_generator) {
    emit(Op::POP_TOP);
    load_none();
  }
  emit(Op::RETURN_VALUE);
  std::shared_ptr<CodeUnit> code = exit_unit();
  make_closure(code, block, flags);
}

void Compiler::comprehension(Expr* e) {
  Block* block = st_.block_for(e);
  const char* name = e->kind == ExprKind::ListComp  ? "<listcomp>"
                     : e->kind == ExprKind::SetComp ? "<setcomp>"
                     : e->kind == ExprKind::DictComp ? "<dictcomp>"
                                                    : "<genexpr>";
  bool gen = e->kind == ExprKind::GeneratorExp;
  enter_unit(block, name, qualname_for(name, true), e->pos.line, gen ? static_cast<uint32_t>(runtime::kCodeGenerator) : 0u);
  u().code->argcount = 1;
  if (gen) emit(Op::RETURN_GENERATOR);
  else if (e->kind == ExprKind::ListComp) emit(Op::BUILD_LIST, 0);
  else if (e->kind == ExprKind::SetComp) emit(Op::BUILD_SET, 0);
  else emit(Op::BUILD_MAP, 0);
  comprehension_generator(e, 0, 0);
  if (gen) load_none();
  emit(Op::RETURN_VALUE);
  std::shared_ptr<CodeUnit> code = exit_unit();
  make_closure(code, block, 0);
  emit(Op::PUSH_NULL);
  expr(e->generators[0].iter);
  emit(Op::GET_ITER);
  emit(Op::CALL, 1);
}

void Compiler::comprehension_generator(Expr* e, size_t gen_index, int depth) {
  if (++depth_ > kMaxDepth) fail_recursion();
  const Comprehension& g = e->generators[gen_index];
  if (gen_index == 0) {
    emit(Op::LOAD_FAST, 0);  // ".0"
  } else {
    expr(g.iter);
    emit(Op::GET_ITER);
  }
  int head = new_label(), next = new_label(), end = new_label();
  bind(head);
  emit_jump(Op::FOR_ITER, end);
  store_target(g.target);
  for (Expr* cond : g.ifs) jump_if(cond, false, next);
  if (gen_index + 1 < e->generators.size()) {
    comprehension_generator(e, gen_index + 1, depth + 1);
  } else {
    auto slot = static_cast<uint32_t>(depth + 2);  // iterators above the result, plus one
    switch (e->kind) {
      case ExprKind::GeneratorExp:
        expr(e->a);
        emit(Op::YIELD_VALUE);
        emit(Op::POP_TOP);
        break;
      case ExprKind::ListComp:
        expr(e->a);
        emit(Op::LIST_APPEND, slot);
        break;
      case ExprKind::SetComp:
        expr(e->a);
        emit(Op::SET_ADD, slot);
        break;
      default:
        expr(e->a);
        expr(e->b);
        emit(Op::MAP_ADD, slot);
        break;
    }
  }
  bind(next);
  emit_jump(Op::JUMP_BACKWARD, head);
  bind(end);
  depth_--;
}

// -- Assignment targets --------------------------------------------------------------------

void Compiler::store_target(Expr* e) {
  int saved = u().line;
  set_line(e->pos.line);
  switch (e->kind) {
    case ExprKind::Name: name_op(e->name, Ctx::Store); break;
    case ExprKind::Attribute:
      expr(e->a);
      emit(Op::STORE_ATTR, add_name(mangle(e->name)));
      break;
    case ExprKind::Subscript:
      expr(e->a);
      expr(e->b);
      emit(Op::STORE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List: unpack_target(e); break;
    case ExprKind::Starred: fail(e->pos, "starred assignment target must be in a list or tuple");
    default: fail(e->pos, std::string("cannot assign to expression"));
  }
  set_line(saved);
}

void Compiler::unpack_target(Expr* e) {
  if (++depth_ > kMaxDepth) fail_recursion();
  size_t n = e->items.size();
  size_t star = n;
  for (size_t i = 0; i < n; i++) {
    if (e->items[i]->kind != ExprKind::Starred) continue;
    if (star != n) fail(e->pos, "multiple starred expressions in assignment");
    star = i;
  }
  if (star == n) {
    emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
  } else {
    size_t after = n - star - 1;
    if (star >= 256 || after >= (1u << 16)) fail(e->pos, "too many expressions in star-unpacking assignment");
    emit(Op::UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
  }
  for (size_t i = 0; i < n; i++) {
    Expr* item = e->items[i];
    store_target(item->kind == ExprKind::Starred ? item->a : item);
  }
  depth_--;
}

}  // namespace contrail::front
