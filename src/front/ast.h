// src/front/ast.h -- The abstract syntax tree, shaped after CPython's Python.asdl.
// Invariants:
//  - every node is owned by one AstArena and freed with it, all at once; nodes
//    point at each other with raw pointers, so destroying a 200 000-deep tree
//    never recurses;
//  - positions are 1-based lines and 0-based byte columns (end exclusive);
//  - Expr and Stmt are tagged structs: each kind uses the fields listed next to
//    it in ExprKind / StmtKind and leaves the others empty.
// Depends on code_unit.h (ConstValue) and runtime/bytecode.h (BinOp, CmpOp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bytecode.h"
#include "src/front/code_unit.h"

namespace contrail::front {

struct Expr;
struct Stmt;
struct Arguments;

struct Pos {
  int line = 1;
  int col = 0;
  int end_line = 1;
  int end_col = 0;
};

enum class Ctx : uint8_t { Load, Store, Del };
enum class BoolOpKind : uint8_t { And, Or };
enum class UnaryKind : uint8_t { Invert, Not, UAdd, USub };
// Comparison operators as written; Lt..Ge map onto runtime::CmpOp.
enum class CmpKind : uint8_t { Lt, LtE, Eq, NotEq, Gt, GtE, Is, IsNot, In, NotIn };

enum class ExprKind : uint8_t {
  BoolOp,          // bool_op, items (>= 2 values)
  NamedExpr,       // a = target Name, b = value
  BinOp,           // a op(bin_op) b
  UnaryOp,         // unary_op, a
  Lambda,          // args, a = body
  IfExp,           // a = test, b = body, c = orelse
  Dict,            // items = keys (nullptr for **m), values
  Set,             // items
  ListComp,        // a = elt, generators
  SetComp,         // a = elt, generators
  DictComp,        // a = key, b = value, generators
  GeneratorExp,    // a = elt, generators
  Yield,           // a = value or nullptr
  YieldFrom,       // a
  Compare,         // a = left, cmp_ops, items = comparators
  Call,            // a = func, items = args (Starred for *x), keywords
  FormattedValue,  // a = value, conversion (-1, 's', 'r', 'a'), b = format spec (JoinedStr) or nullptr
  JoinedStr,       // items (Constant str and FormattedValue)
  Constant,        // value
  Attribute,       // a = value, name = attr, ctx
  Subscript,       // a = value, b = slice, ctx
  Starred,         // a = value, ctx
  Name,            // name = id, ctx
  List,            // items, ctx
  Tuple,           // items, ctx
  Slice,           // a = lower, b = upper, c = step (each may be nullptr)
};

struct Keyword {
  std::string arg;  // empty for **kwargs
  Expr* value = nullptr;
  Pos pos;
};

struct Comprehension {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
};

struct Expr {
  ExprKind kind;
  Pos pos;
  Ctx ctx = Ctx::Load;
  Expr* a = nullptr;
  Expr* b = nullptr;
  Expr* c = nullptr;
  std::vector<Expr*> items;
  std::vector<Expr*> values;  // Dict values
  std::vector<Keyword> keywords;
  std::vector<CmpKind> cmp_ops;
  std::vector<Comprehension> generators;
  runtime::BinOp bin_op = runtime::BinOp::ADD;
  UnaryKind unary_op = UnaryKind::Not;
  BoolOpKind bool_op = BoolOpKind::And;
  int conversion = -1;
  bool parenthesized = false;  // written inside (...) (for error messages)
  std::string name;
  ConstValue value;
  Arguments* args = nullptr;
};

struct Arg {
  std::string name;
  Expr* annotation = nullptr;
  Pos pos;
};

// A parameter list. Defaults align with the tail of posonlyargs+args;
// kw_defaults[i] belongs to kwonlyargs[i] (nullptr when none).
struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  Arg* vararg = nullptr;
  std::vector<Arg> kwonlyargs;
  std::vector<Expr*> kw_defaults;
  Arg* kwarg = nullptr;
  std::vector<Expr*> defaults;
  Arg vararg_storage;
  Arg kwarg_storage;
};

struct ExceptHandler {
  Expr* type = nullptr;
  std::string name;  // empty: no "as"
  std::vector<Stmt*> body;
  Pos pos;
};

struct WithItem {
  Expr* context = nullptr;
  Expr* target = nullptr;
};

struct Alias {
  std::string name;    // dotted for "import a.b"
  std::string asname;  // empty: none
  Pos pos;
};

enum class StmtKind : uint8_t {
  FunctionDef,  // name, args, body, decorators, returns (ignored)
  ClassDef,     // name, bases, keywords, body, decorators
  Return,       // value or nullptr
  Delete,       // targets
  Assign,       // targets (a = b = value), value
  AugAssign,    // target, bin_op (in-place form), value
  AnnAssign,    // target, annotation, value or nullptr, simple
  For,          // target, iter, body, orelse
  While,        // test, body, orelse
  If,           // test, body, orelse
  With,         // items, body
  Raise,        // exc, cause
  Try,          // body, handlers, orelse, finalbody
  Assert,       // test, msg
  Import,       // names
  ImportFrom,   // module, names ("*" for star)
  Global,       // idents
  Nonlocal,     // idents
  ExprStmt,     // value
  Pass,
  Break,
  Continue,
};

struct Stmt {
  StmtKind kind;
  Pos pos;
  std::string name;
  Arguments* args = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
  std::vector<Expr*> decorators;
  std::vector<Expr*> targets;
  std::vector<Expr*> bases;
  std::vector<Keyword> keywords;
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::vector<Alias> names;
  std::vector<std::string> idents;
  Expr* value = nullptr;
  Expr* target = nullptr;
  Expr* test = nullptr;
  Expr* iter = nullptr;
  Expr* annotation = nullptr;
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  Expr* msg = nullptr;
  Expr* returns = nullptr;
  runtime::BinOp bin_op = runtime::BinOp::IADD;
  bool simple = false;  // AnnAssign: target is a plain, unparenthesised name
};

// Owns every node of one parse; freeing it never recurses.
class AstArena {
 public:
  Expr* expr(ExprKind kind, Pos pos) {
    exprs_.push_back(std::make_unique<Expr>());
    Expr* e = exprs_.back().get();
    e->kind = kind;
    e->pos = pos;
    return e;
  }
  Stmt* stmt(StmtKind kind, Pos pos) {
    stmts_.push_back(std::make_unique<Stmt>());
    Stmt* s = stmts_.back().get();
    s->kind = kind;
    s->pos = pos;
    return s;
  }
  Arguments* arguments() {
    args_.push_back(std::make_unique<Arguments>());
    return args_.back().get();
  }

 private:
  std::vector<std::unique_ptr<Expr>> exprs_;
  std::vector<std::unique_ptr<Stmt>> stmts_;
  std::vector<std::unique_ptr<Arguments>> args_;
};

struct Module {
  std::vector<Stmt*> body;
  AstArena arena;
};

}  // namespace contrail::front
