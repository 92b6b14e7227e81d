// src/front/compiler_impl.h -- The Compiler class shared by compiler.cpp
// (code units, emission, labels, exception table, stack depth),
// compile_expr.cpp and compile_stmt.cpp. Internal to src/front.
// Invariants:
//  - every emitted instruction records the current line and the innermost
//    active exception handler (handlers_ stack); the exception table is built
//    from runs of equal handlers, so entries never overlap;
//  - a handler's unwind depth is the stack depth where it was pushed (plus
//    its adjust), found by the same flow analysis that computes max_stack;
//  - only loop back-edges use JUMP_BACKWARD, one per loop: `continue` jumps
//    forward to it.
// Depends on ast.h, symtable.h, code_unit.h, runtime/bytecode.h.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/bytecode.h"
#include "src/front/ast.h"
#include "src/front/code_unit.h"
#include "src/front/source_text.h"
#include "src/front/symtable.h"

namespace contrail::front {

using runtime::Op;

enum class FBlockKind : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, PopValue, ExceptionHandler
};

// A control-flow block that break/continue/return must unwind (CPython's fblockinfo).
struct FBlock {
  FBlockKind kind;
  int continue_label = -1;  // loops
  int exit_label = -1;      // loops: break target
  size_t handlers_keep = 0; // handler stack size once this block is unwound
  const Stmt* stmt = nullptr;  // FinallyTry: the try; With: the with statement
  std::string name;            // HandlerCleanup: the "as" name (may be empty)
};

struct HandlerInfo {
  int label;     // handler entry
  int setup_pc;  // first instruction after the handler was pushed
  int adjust;    // added to the stack depth at setup_pc
};

// One code object under construction.
struct Unit {
  std::shared_ptr<CodeUnit> code;
  Block* block = nullptr;
  std::string private_name;  // enclosing class name for mangling
  std::unordered_map<std::string, int> varname_index;
  std::unordered_map<std::string, int> name_index;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> cells;  // cellvars then freevars
  std::vector<int> label_pc;
  std::vector<std::pair<int, int>> fixups;  // (pc, label)
  std::vector<int> instr_handler;
  std::vector<HandlerInfo> handlers;
  std::vector<int> handler_stack;
  std::vector<FBlock> fblocks;
  int line = 1;
};

class Compiler {
 public:
  Compiler(const SymbolTable& st, const SourceText& src) : st_(st), src_(src) {}
  std::shared_ptr<CodeUnit> module(const Module& mod);

  static constexpr int kMaxDepth = 4000;
  static constexpr size_t kStackUseGuideline = 30;

 private:
  // -- units and emission (compiler.cpp)
  void enter_unit(Block* block, const std::string& name, const std::string& qualname, int first_line,
                  uint32_t flags);
  std::shared_ptr<CodeUnit> exit_unit();
  Unit& u() { return *units_.back(); }
  int emit(Op op, uint32_t arg = 0);
  int emit_jump(Op op, int label);
  int new_label();
  void bind(int label);
  int pc() { return static_cast<int>(u().code->code.size()); }
  void push_handler(int label, int adjust = 0);
  void pop_handler();
  uint32_t add_const(ConstValue v);
  uint32_t add_name(const std::string& name);
  uint32_t add_varname(const std::string& name);
  int cell_index(const std::string& name);
  void load_const(ConstValue v) { emit(Op::LOAD_CONST, add_const(std::move(v))); }
  void load_none() { load_const(ConstValue{NoneConst{}}); }
  std::string mangle(const std::string& name) const;
  void name_op(const std::string& name, Ctx ctx);
  void finish_code();
  void compute_stack(std::vector<int>& depth);
  std::string qualname_for(const std::string& name, bool is_class_or_func) const;
  [[noreturn]] void fail(const Pos& pos, const std::string& msg);
  [[noreturn]] void fail_recursion();
  void set_line(int line) { u().line = line; }

  // -- expressions (compile_expr.cpp)
  void expr(Expr* e);
  void expr_node(Expr* e);
  void binop_chain(Expr* e);
  void compare(Expr* e);
  void boolop(Expr* e);
  void jump_if(Expr* e, bool cond, int label);
  void call(Expr* e);
  void check_keywords(const std::vector<Keyword>& kws);
  void call_args(const std::vector<Expr*>& args, const std::vector<Keyword>& kws, bool method);
  void call_ex(const std::vector<Expr*>& args, const std::vector<Keyword>& kws);
  void starunpack(const std::vector<Expr*>& items, Op build, Op add, Op extend, bool tuple);
  void dict(Expr* e);
  void joined_str(Expr* e);
  void formatted_value(Expr* e);
  bool fold_constant(Expr* e, ConstValue* out);
  void make_closure(const std::shared_ptr<CodeUnit>& code, Block* child, uint32_t flags);
  void lambda(Expr* e);
  void comprehension(Expr* e);
  void comprehension_generator(Expr* e, size_t gen_index, int depth);
  void yield_from();
  void store_target(Expr* e);
  void unpack_target(Expr* e);

  // -- statements (compile_stmt.cpp)
  void stmts(const std::vector<Stmt*>& body);
  void stmt(Stmt* s);
  void function_def(Stmt* s);
  Arguments* defaults(Arguments* a, uint32_t* flags);
  void function_body(Stmt* s, Block* block);
  void class_def(Stmt* s);
  void assign(Stmt* s);
  void aug_assign(Stmt* s);
  void ann_assign(Stmt* s);
  void if_stmt(Stmt* s);
  void while_stmt(Stmt* s);
  void for_stmt(Stmt* s);
  void try_stmt(Stmt* s);
  void try_except(Stmt* s);
  void try_finally(Stmt* s);
  void with_stmt(Stmt* s, size_t item);
  void call_exit_with_nones();
  void return_stmt(Stmt* s);
  void break_stmt(Stmt* s, bool is_continue);
  void raise_stmt(Stmt* s);
  void assert_stmt(Stmt* s);
  void import_stmt(Stmt* s);
  void import_from(Stmt* s);
  void delete_target(Expr* e);
  bool docstring(const std::vector<Stmt*>& body, std::string* out);
  void unwind_fblock(const FBlock& fb, bool preserve_tos);
  int unwind_fblock_stack(bool preserve_tos, bool stop_at_loop);
  // CPython's CO_MAXBLOCKS: a 21st statically nested block is a SyntaxError
  // located at the statement that pushes it.
  static constexpr size_t kMaxBlocks = 20;
  void push_fblock(FBlock fb) {
    if (u().fblocks.size() >= kMaxBlocks) fail(fb.stmt ? fb.stmt->pos : cur_stmt_pos_, "too many statically nested blocks");
    u().fblocks.push_back(std::move(fb));
  }
  void pop_fblock() { u().fblocks.pop_back(); }

  const SymbolTable& st_;
  const SourceText& src_;
  std::vector<std::unique_ptr<Unit>> units_;
  int depth_ = 0;
  Pos cur_stmt_pos_;  // the statement being compiled (for errors without a node)
};

}  // namespace contrail::front
