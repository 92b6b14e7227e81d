// src/front/compile_stmt.cpp -- Statements to bytecode: control flow with the
// fblock stack (CPython 3.11's compiler_unwind_fblock), try/except/finally and
// with via the exception table, functions, classes, imports.
// The exact protocols are documented at the top of compiler.cpp.
// Depends on compiler_impl.h.
#include "src/front/compiler_impl.h"

namespace contrail::front {

void Compiler::stmts(const std::vector<Stmt*>& body) {
  for (Stmt* s : body) stmt(s);
}

bool Compiler::docstring(const std::vector<Stmt*>& body, std::string* out) {
  if (body.empty() || body[0]->kind != StmtKind::ExprStmt) return false;
  Expr* v = body[0]->value;
  if (v->kind != ExprKind::Constant) return false;
  const std::string* s = std::get_if<std::string>(&v->value.v);
  if (!s) return false;
  *out = *s;
  return true;
}

void Compiler::stmt(Stmt* s) {
  if (++depth_ > kMaxDepth) fail_recursion();
  set_line(s->pos.line);
  Pos saved_stmt_pos = cur_stmt_pos_;
  cur_stmt_pos_ = s->pos;
  switch (s->kind) {
    case StmtKind::FunctionDef: function_def(s); break;
    case StmtKind::ClassDef: class_def(s); break;
    case StmtKind::Return: return_stmt(s); break;
    case StmtKind::Delete:
      for (Expr* t : s->targets) delete_target(t);
      break;
    case StmtKind::Assign: assign(s); break;
    case StmtKind::AugAssign: aug_assign(s); break;
    case StmtKind::AnnAssign: ann_assign(s); break;
    case StmtKind::For: for_stmt(s); break;
    case StmtKind::While: while_stmt(s); break;
    case StmtKind::If: if_stmt(s); break;
    case StmtKind::With: with_stmt(s, 0); break;
    case StmtKind::Raise: raise_stmt(s); break;
    case StmtKind::Try: try_stmt(s); break;
    case StmtKind::Assert: assert_stmt(s); break;
    case StmtKind::Import: import_stmt(s); break;
    case StmtKind::ImportFrom: import_from(s); break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
    case StmtKind::Pass: break;
    case StmtKind::ExprStmt:
      if (s->value->kind == ExprKind::Constant) break;  // docstrings, `...`
      expr(s->value);
      emit(Op::POP_TOP);
      break;
    case StmtKind::Break: break_stmt(s, false); break;
    case StmtKind::Continue: break_stmt(s, true); break;
  }
  cur_stmt_pos_ = saved_stmt_pos;
  depth_--;
}

// -- Assignment ----------------------------------------------------------------------------

void Compiler::assign(Stmt* s) {
  expr(s->value);
  for (size_t i = 0; i < s->targets.size(); i++) {
    if (i + 1 < s->targets.size()) emit(Op::COPY, 1);
    store_target(s->targets[i]);
  }
}

void Compiler::aug_assign(Stmt* s) {
  Expr* t = s->target;
  auto op = static_cast<uint32_t>(s->bin_op);
  switch (t->kind) {
    case ExprKind::Name:
      name_op(t->name, Ctx::Load);
      expr(s->value);
      emit(Op::BINARY_OP, op);
      name_op(t->name, Ctx::Store);
      return;
    case ExprKind::Attribute: {
      uint32_t name = add_name(mangle(t->name));
      expr(t->a);
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, name);
      expr(s->value);
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, name);
      return;
    }
    case ExprKind::Subscript:
      expr(t->a);
      expr(t->b);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      expr(s->value);
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      return;
    default: fail(t->pos, "illegal expression for augmented assignment");
  }
}

void Compiler::ann_assign(Stmt* s) {
  if (s->value) {
    expr(s->value);
    store_target(s->target);
  }
  // Annotations are evaluated and dropped at module and class level (CPython
  // would store them in __annotations__); in functions they are not evaluated.
  if (u().block->kind != BlockKind::Function && s->simple) {
    expr(s->annotation);
    emit(Op::POP_TOP);
  }
}

void Compiler::delete_target(Expr* e) {
  set_line(e->pos.line);
  switch (e->kind) {
    case ExprKind::Name: name_op(e->name, Ctx::Del); return;
    case ExprKind::Attribute:
      expr(e->a);
      emit(Op::DELETE_ATTR, add_name(mangle(e->name)));
      return;
    case ExprKind::Subscript:
      expr(e->a);
      expr(e->b);
      emit(Op::DELETE_SUBSCR);
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (Expr* item : e->items) delete_target(item);
      return;
    default: fail(e->pos, std::string("cannot delete ") + "expression");
  }
}

// -- Control flow -----------------------------------------------------------------------------

// if/elif/else; elif chains (nested Ifs in orelse) compile in a loop.
void Compiler::if_stmt(Stmt* s) {
  int end = new_label();
  for (;;) {
    set_line(s->pos.line);
    int orelse = new_label();
    jump_if(s->test, false, orelse);
    stmts(s->body);
    if (!s->orelse.empty()) emit_jump(Op::JUMP, end);
    bind(orelse);
    if (s->orelse.size() != 1 || s->orelse[0]->kind != StmtKind::If) break;
    s = s->orelse[0];
  }
  stmts(s->orelse);
  bind(end);
}

namespace {

bool is_true_constant(const Expr* e) {
  if (e->kind != ExprKind::Constant) return false;
  if (const bool* b = std::get_if<bool>(&e->value.v)) return *b;
  if (const int64_t* i = std::get_if<int64_t>(&e->value.v)) return *i != 0;
  return false;
}

}  // namespace

void Compiler::while_stmt(Stmt* s) {
  int head = new_label(), cont = new_label(), orelse = new_label(), exit = new_label();
  bind(head);
  if (!is_true_constant(s->test)) jump_if(s->test, false, orelse);
  push_fblock(FBlock{FBlockKind::WhileLoop, cont, exit, u().handler_stack.size(), s, {}});
  stmts(s->body);
  pop_fblock();
  bind(cont);
  set_line(s->pos.line);
  emit_jump(Op::JUMP_BACKWARD, head);
  bind(orelse);
  stmts(s->orelse);
  bind(exit);
}

void Compiler::for_stmt(Stmt* s) {
  int head = new_label(), cont = new_label(), orelse = new_label(), exit = new_label();
  expr(s->iter);
  emit(Op::GET_ITER);
  bind(head);
  set_line(s->pos.line);
  emit_jump(Op::FOR_ITER, orelse);
  store_target(s->target);
  push_fblock(FBlock{FBlockKind::ForLoop, cont, exit, u().handler_stack.size(), s, {}});
  stmts(s->body);
  pop_fblock();
  bind(cont);
  set_line(s->pos.line);
  emit_jump(Op::JUMP_BACKWARD, head);
  bind(orelse);
  stmts(s->orelse);
  bind(exit);
}

// compiler_unwind_fblock: the cleanup a block needs when control leaves it early.
void Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler: return;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
    case FBlockKind::TryExcept: return;
    case FBlockKind::FinallyTry:
      if (preserve_tos) push_fblock(FBlock{FBlockKind::PopValue, -1, -1, u().handler_stack.size(), nullptr, {}});
      stmts(fb.stmt->finalbody);
      if (preserve_tos) pop_fblock();
      return;
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);  // exc
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      return;
    case FBlockKind::With:
      set_line(fb.stmt->pos.line);
      if (preserve_tos) emit(Op::SWAP, 2);
      call_exit_with_nones();
      emit(Op::POP_TOP);
      return;
    case FBlockKind::HandlerCleanup:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      if (!fb.name.empty()) {
        load_none();
        name_op(fb.name, Ctx::Store);
        name_op(fb.name, Ctx::Del);
      }
      return;
    case FBlockKind::PopValue:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      return;
  }
}

// Unwinds blocks from the innermost outwards (stopping at the first loop when
// [stop_at_loop]); returns that loop's index or -1. The code emitted for each
// block runs under the handlers that enclose that block. The caller restores
// the fblock and handler stacks after emitting its jump or return.
int Compiler::unwind_fblock_stack(bool preserve_tos, bool stop_at_loop) {
  for (;;) {
    Unit& unit = u();
    if (unit.fblocks.empty()) return -1;
    FBlock top = unit.fblocks.back();
    if (stop_at_loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop))
      return static_cast<int>(unit.fblocks.size()) - 1;
    unit.fblocks.pop_back();
    if (unit.handler_stack.size() > top.handlers_keep) unit.handler_stack.resize(top.handlers_keep);
    unwind_fblock(top, preserve_tos);
  }
}

void Compiler::return_stmt(Stmt* s) {
  if (u().block->kind != BlockKind::Function) fail(s->pos, "'return' outside function");
  bool preserve = s->value && s->value->kind != ExprKind::Constant;
  if (preserve) expr(s->value);
  std::vector<int> handlers = u().handler_stack;
  std::vector<FBlock> fblocks = u().fblocks;
  unwind_fblock_stack(preserve, false);
  set_line(s->pos.line);
  if (!s->value) load_none();
  else if (!preserve) expr(s->value);
  emit(Op::RETURN_VALUE);
  u().handler_stack = std::move(handlers);
  u().fblocks = std::move(fblocks);
}

void Compiler::break_stmt(Stmt* s, bool is_continue) {
  std::vector<int> handlers = u().handler_stack;
  std::vector<FBlock> fblocks = u().fblocks;
  int loop = unwind_fblock_stack(false, true);
  if (loop < 0) fail(s->pos, is_continue ? "'continue' not properly in loop" : "'break' outside loop");
  FBlock fb = u().fblocks[static_cast<size_t>(loop)];
  set_line(s->pos.line);
  if (is_continue) {
    emit_jump(Op::JUMP, fb.continue_label);
  } else {
    unwind_fblock(fb, false);
    emit_jump(Op::JUMP, fb.exit_label);
  }
  u().handler_stack = std::move(handlers);
  u().fblocks = std::move(fblocks);
}

void Compiler::raise_stmt(Stmt* s) {
  uint32_t n = 0;
  if (s->exc) {
    expr(s->exc);
    n = 1;
    if (s->cause) {
      expr(s->cause);
      n = 2;
    }
  }
  emit(Op::RAISE_VARARGS, n);
}

void Compiler::assert_stmt(Stmt* s) {
  int end = new_label();
  jump_if(s->test, true, end);
  emit(Op::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    expr(s->msg);
    emit(Op::CALL, 0);  // [AssertionError msg] -> AssertionError(msg)
  }
  emit(Op::RAISE_VARARGS, 1);
  bind(end);
}

// -- try / with ---------------------------------------------------------------------------------

void Compiler::try_stmt(Stmt* s) {
  if (!s->finalbody.empty()) try_finally(s);
  else try_except(s);
}

void Compiler::try_except(Stmt* s) {
  size_t keep = u().handler_stack.size();
  int except = new_label(), end = new_label(), cleanup = new_label();
  push_handler(except);
  push_fblock(FBlock{FBlockKind::TryExcept, -1, -1, keep, s, {}});
  stmts(s->body);
  pop_fblock();
  pop_handler();
  stmts(s->orelse);
  emit_jump(Op::JUMP, end);

  bind(except);
  push_handler(cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock(FBlock{FBlockKind::ExceptionHandler, -1, -1, keep, s, {}});
  for (size_t i = 0; i < s->handlers.size(); i++) {
    const ExceptHandler& h = s->handlers[i];
    set_line(h.pos.line);
    if (!h.type && i + 1 < s->handlers.size()) fail(h.pos, "default 'except:' must be last");
    int next = new_label();
    if (h.type) {
      expr(h.type);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (!h.name.empty()) {
      name_op(h.name, Ctx::Store);
      int cleanup_end = new_label();
      push_handler(cleanup_end);
      push_fblock(FBlock{FBlockKind::HandlerCleanup, -1, -1, keep, s, h.name});
      stmts(h.body);
      pop_fblock();
      pop_handler();
      std::vector<int> saved = u().handler_stack;
      u().handler_stack.resize(keep);  // CPython's POP_BLOCK: the cleanup no longer applies
      emit(Op::POP_EXCEPT);
      load_none();
      name_op(h.name, Ctx::Store);
      name_op(h.name, Ctx::Del);
      emit_jump(Op::JUMP, end);
      u().handler_stack = saved;
      bind(cleanup_end);
      load_none();
      name_op(h.name, Ctx::Store);
      name_op(h.name, Ctx::Del);
      emit(Op::RERAISE);
    } else {
      emit(Op::POP_TOP);
      push_fblock(FBlock{FBlockKind::HandlerCleanup, -1, -1, keep, s, {}});
      stmts(h.body);
      pop_fblock();
      std::vector<int> saved = u().handler_stack;
      u().handler_stack.resize(keep);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP, end);
      u().handler_stack = saved;
    }
    bind(next);
  }
  pop_fblock();
  emit(Op::RERAISE);
  pop_handler();
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(end);
}

void Compiler::try_finally(Stmt* s) {
  size_t keep = u().handler_stack.size();
  int final_exc = new_label(), exit = new_label(), cleanup = new_label();
  push_handler(final_exc);
  push_fblock(FBlock{FBlockKind::FinallyTry, -1, -1, keep, s, {}});
  if (!s->handlers.empty()) try_except(s);
  else stmts(s->body);
  pop_fblock();
  pop_handler();
  stmts(s->finalbody);
  emit_jump(Op::JUMP, exit);

  bind(final_exc);
  push_handler(cleanup);
  emit(Op::PUSH_EXC_INFO);
  push_fblock(FBlock{FBlockKind::FinallyEnd, -1, -1, keep, s, {}});
  stmts(s->finalbody);
  pop_fblock();
  emit(Op::RERAISE);
  pop_handler();
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(exit);
}

void Compiler::call_exit_with_nones() {
  load_none();
  load_none();
  load_none();
  emit(Op::CALL, 2);  // [exit None None None] -> exit(None, None, None)
}

void Compiler::with_stmt(Stmt* s, size_t index) {
  const WithItem& item = s->items[index];
  size_t keep = u().handler_stack.size();
  int final = new_label(), exit = new_label(), cleanup = new_label(), suppress = new_label();
  expr(item.context);
  set_line(s->pos.line);
  emit(Op::BEFORE_WITH);
  // The handler keeps __exit__ but not __enter__'s result: one below here.
  push_handler(final, -1);
  push_fblock(FBlock{FBlockKind::With, -1, -1, keep, s, {}});
  if (item.target) store_target(item.target);
  else emit(Op::POP_TOP);
  if (index + 1 < s->items.size()) with_stmt(s, index + 1);
  else stmts(s->body);
  pop_fblock();
  pop_handler();
  set_line(s->pos.line);
  call_exit_with_nones();
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, exit);

  bind(final);
  push_handler(cleanup);
  emit(Op::PUSH_EXC_INFO);
  emit(Op::WITH_EXCEPT_START);
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  emit(Op::RERAISE);
  pop_handler();
  bind(cleanup);
  emit(Op::SWAP, 2);
  emit(Op::POP_EXCEPT);
  emit(Op::RERAISE);
  bind(suppress);
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT);
  emit(Op::POP_TOP);
  bind(exit);
}

// -- Functions and classes ----------------------------------------------------------------------

// Pushes the defaults tuple and kwdefaults dict of [a]; sets MAKE_FUNCTION flags.
Arguments* Compiler::defaults(Arguments* a, uint32_t* flags) {
  if (!a->defaults.empty()) {
    for (Expr* d : a->defaults) expr(d);
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(a->defaults.size()));
    *flags |= runtime::kFnDefaults;
  }
  uint32_t nkw = 0;
  for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
    if (!a->kw_defaults[i]) continue;
    load_const(ConstValue{mangle(a->kwonlyargs[i].name)});
    expr(a->kw_defaults[i]);
    nkw++;
  }
  if (nkw) {
    emit(Op::BUILD_MAP, nkw);
    *flags |= runtime::kFnKwDefaults;
  }
  return a;
}

void Compiler::function_def(Stmt* s) {
  for (Expr* d : s->decorators) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  set_line(s->pos.line);
  uint32_t flags = 0;
  defaults(s->args, &flags);
  Block* block = st_.block_for(s);
  function_body(s, block);
  std::shared_ptr<CodeUnit> code = exit_unit();
  make_closure(code, block, flags);
  for (size_t i = 0; i < s->decorators.size(); i++) emit(Op::CALL, 1);
  name_op(s->name, Ctx::Store);
}

void Compiler::function_body(Stmt* s, Block* block) {
  Arguments* a = s->args;
  uint32_t code_flags = 0;
  if (a->vararg) code_flags |= runtime::kCodeVarargs;
  if (a->kwarg) code_flags |= runtime::kCodeVarkeywords;
  if (block->is_generator) code_flags |= runtime::kCodeGenerator;
  int first_line = s->decorators.empty() ? s->pos.line : s->decorators[0]->pos.line;
  enter_unit(block, s->name, qualname_for(s->name, true), first_line, code_flags);
  CodeUnit& c = *u().code;
  c.argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
  c.posonlyargcount = static_cast<int>(a->posonlyargs.size());
  c.kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
  std::string doc;
  bool has_doc = docstring(s->body, &doc);
  if (has_doc) add_const(ConstValue{doc});
  else add_const(ConstValue{NoneConst{}});
  set_line(s->pos.line);
  if (block->is_generator) emit(Op::RETURN_GENERATOR);
  stmts(s->body);
  if (!s->body.empty()) set_line(s->body.back()->pos.end_line);
  load_none();
  emit(Op::RETURN_VALUE);
}

void Compiler::class_def(Stmt* s) {
  check_keywords(s->keywords);
  for (Expr* d : s->decorators) {
    expr(d);
    emit(Op::PUSH_NULL);
  }
  set_line(s->pos.line);
  emit(Op::LOAD_BUILD_CLASS);
  emit(Op::PUSH_NULL);
  Block* block = st_.block_for(s);
  int first_line = s->decorators.empty() ? s->pos.line : s->decorators[0]->pos.line;
  enter_unit(block, s->name, qualname_for(s->name, true), first_line, runtime::kCodeClassBody);
  name_op("__name__", Ctx::Load);
  name_op("__module__", Ctx::Store);
  load_const(ConstValue{u().code->qualname});
  name_op("__qualname__", Ctx::Store);
  std::string doc;
  size_t start = 0;
  if (docstring(s->body, &doc)) {
    set_line(s->body[0]->pos.line);
    load_const(ConstValue{doc});
    name_op("__doc__", Ctx::Store);
    start = 1;
  }
  for (size_t i = start; i < s->body.size(); i++) stmt(s->body[i]);
  if (block->needs_class_closure) {
    emit(Op::LOAD_CLOSURE, static_cast<uint32_t>(cell_index("__class__")));
    emit(Op::COPY, 1);
    name_op("__classcell__", Ctx::Store);
  } else {
    load_none();
  }
  emit(Op::RETURN_VALUE);
  std::shared_ptr<CodeUnit> code = exit_unit();
  set_line(s->pos.line);
  make_closure(code, block, 0);
  load_const(ConstValue{s->name});
  // __build_class__(func, name, *bases, **keywords)
  std::vector<Expr*> args = s->bases;
  bool has_star = false;
  for (Expr* b : args) has_star |= b->kind == ExprKind::Starred;
  for (const Keyword& k : s->keywords) has_star |= k.arg.empty();
  if (has_star) {
    // Rebuild as one tuple: (func, name, *bases).
    emit(Op::BUILD_LIST, 2);
    for (Expr* b : args) {
      if (b->kind == ExprKind::Starred) {
        expr(b->a);
        emit(Op::LIST_EXTEND, 1);
      } else {
        expr(b);
        emit(Op::LIST_APPEND, 1);
      }
    }
    emit(Op::LIST_TO_TUPLE);
    // Keywords through the CALL_EX dict path.
    bool have_dict = false;
    for (const Keyword& k : s->keywords) {
      if (!have_dict) {
        emit(Op::BUILD_MAP, 0);
        have_dict = true;
      }
      if (k.arg.empty()) {
        expr(k.value);
        emit(Op::DICT_MERGE, 1);
      } else {
        load_const(ConstValue{k.arg});
        expr(k.value);
        emit(Op::BUILD_MAP, 1);
        emit(Op::DICT_MERGE, 1);
      }
    }
    emit(Op::CALL_EX, have_dict ? 1 : 0);
  } else {
    for (Expr* b : args) expr(b);
    for (const Keyword& k : s->keywords) expr(k.value);
    auto n = static_cast<uint32_t>(2 + args.size() + s->keywords.size());
    if (s->keywords.empty()) {
      emit(Op::CALL, n);
    } else {
      ConstTuple names;
      for (const Keyword& k : s->keywords) names.push_back(ConstValue{k.arg});
      load_const(ConstValue{std::move(names)});
      emit(Op::CALL_KW, n);
    }
  }
  for (size_t i = 0; i < s->decorators.size(); i++) emit(Op::CALL, 1);
  name_op(s->name, Ctx::Store);
}

// -- Imports ---------------------------------------------------------------------------------------

void Compiler::import_stmt(Stmt* s) {
  for (const Alias& a : s->names) {
    set_line(a.pos.line);
    load_none();
    emit(Op::IMPORT_NAME, add_name(a.name));
    if (a.asname.empty()) {
      name_op(a.name.substr(0, a.name.find('.')), Ctx::Store);
      continue;
    }
    size_t dot = a.name.find('.');
    if (dot == std::string::npos) {
      name_op(a.asname, Ctx::Store);
      continue;
    }
    for (;;) {
      size_t start = dot + 1;
      dot = a.name.find('.', start);
      emit(Op::IMPORT_FROM, add_name(a.name.substr(start, dot == std::string::npos ? std::string::npos : dot - start)));
      if (dot == std::string::npos) break;
      emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
    }
    name_op(a.asname, Ctx::Store);
    emit(Op::POP_TOP);
  }
}

void Compiler::import_from(Stmt* s) {
  ConstTuple names;
  for (const Alias& a : s->names) names.push_back(ConstValue{a.name});
  load_const(ConstValue{std::move(names)});
  emit(Op::IMPORT_NAME, add_name(s->name));
  if (s->names.size() == 1 && s->names[0].name == "*") {
    emit(Op::IMPORT_STAR);
    return;
  }
  for (const Alias& a : s->names) {
    emit(Op::IMPORT_FROM, add_name(a.name));
    name_op(a.asname.empty() ? a.name : a.asname, Ctx::Store);
  }
  emit(Op::POP_TOP);
}

}  // namespace contrail::front
