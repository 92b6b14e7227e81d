// src/front/symtable.h -- Scope analysis, exactly as CPython 3.11's
// Python/symtable.c: a first pass records how each block uses each name
// (flags), a second pass resolves every name to a Scope and turns captured
// locals into cells.
// Invariants:
//  - one Block per module, function, lambda, comprehension/genexp and class
//    body, found by its AST node (Stmt* for def/class, Expr* otherwise);
//  - class bodies do not bind names for nested functions; a method that
//    mentions `super` or `__class__` makes the class need a `__class__` cell;
//  - comprehensions are function blocks with the implicit parameter ".0"; their
//    first iterable is analysed in the enclosing block.
// Depends on ast.h and source_text.h (for errors).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/front/ast.h"
#include "src/front/source_text.h"

namespace contrail::front {

enum class Scope : uint8_t { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// Symbol flags (CPython's DEF_*).
enum SymFlag : uint32_t {
  kDefGlobal = 1,
  kDefLocal = 2,
  kDefParam = 4,
  kDefNonlocal = 8,
  kDefUse = 16,
  kDefFreeClass = 64,
  kDefImport = 128,
  kDefAnnot = 256,
  kDefCompIter = 512,
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

enum class BlockKind : uint8_t { Module, Function, Class };

struct Symbol {
  uint32_t flags = 0;
  Scope scope = Scope::GlobalImplicit;
};

struct Block {
  BlockKind kind = BlockKind::Module;
  std::string name;
  Pos pos;
  std::unordered_map<std::string, Symbol> symbols;
  std::vector<std::string> order;   // names in first-seen order
  std::vector<std::string> params;  // parameter names in order (".0" for comprehensions)
  std::unordered_map<std::string, Pos> directives;  // global/nonlocal statement per name
  std::vector<Block*> children;
  Block* parent = nullptr;
  bool nested = false;         // inside a function
  bool is_generator = false;   // contains yield (or is a generator expression)
  bool is_comprehension = false;
  bool has_free = false;       // CPython's ste_free
  bool child_free = false;
  bool needs_class_closure = false;
  bool has_varargs = false;
  bool has_varkeywords = false;
  int comp_iter_target = 0;    // >0 while visiting a comprehension's targets

  // Scope of [name]; names never seen are GlobalImplicit.
  Scope scope_of(const std::string& name) const;
  // Flags of [name] (0 when never seen).
  uint32_t flags_of(const std::string& name) const;
  // Cell variables (sorted, "__class__" for classes needing it) and free
  // variables (sorted; in class blocks including DEF_FREE_CLASS names).
  std::vector<std::string> cellvars() const;
  std::vector<std::string> freevars() const;
};

class SymbolTable {
 public:
  // Analyses [mod]; throws CompileError with CPython's message on failure.
  SymbolTable(const Module& mod, const SourceText& src);

  Block* top() const { return top_; }
  // The block of a def/class statement or lambda/comprehension expression.
  Block* block_for(const void* node) const;

  // CPython 3.11: recursion limit 1000 x COMPILER_STACK_FRAME_SCALE 3, one
  // level per statement or expression node visited.
  static constexpr int kMaxDepth = 3000;

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<Block>> blocks_;
  std::unordered_map<const void*, Block*> by_node_;
  Block* top_ = nullptr;
};

}  // namespace contrail::front
