// src/front/symtable.cpp -- Scope analysis after CPython 3.11's symtable.c.
// Pass 1 (SymtableBuilder) walks the AST recording flags; pass 2 (analyze_*)
// resolves scopes with CPython's bound/free/global set algebra.
// Recursion is bounded by kMaxDepth (RecursionError like CPython's compiler);
// left-leaning BinOp chains are walked in a loop.
// Depends on symtable.h.
#include "src/front/symtable.h"

#include <algorithm>
#include <set>

namespace contrail::front {

using NameSet = std::set<std::string>;

Scope Block::scope_of(const std::string& name) const {
  auto it = symbols.find(name);
  return it == symbols.end() ? Scope::GlobalImplicit : it->second.scope;
}

uint32_t Block::flags_of(const std::string& name) const {
  auto it = symbols.find(name);
  return it == symbols.end() ? 0 : it->second.flags;
}

std::vector<std::string> Block::cellvars() const {
  std::vector<std::string> out;
  for (const auto& [name, sym] : symbols)
    if (sym.scope == Scope::Cell) out.push_back(name);
  if (needs_class_closure) out.push_back("__class__");
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Block::freevars() const {
  std::vector<std::string> out;
  for (const auto& [name, sym] : symbols)
    if (sym.scope == Scope::Free || (sym.flags & kDefFreeClass)) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

Block* SymbolTable::block_for(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

// -- Pass 1: collect flags ---------------------------------------------------------

class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& st, const SourceText& src) : st_(st), src_(src) {}

  void module(const Module& mod) {
    Block* b = new_block(BlockKind::Module, "top", Pos{}, nullptr);
    st_.top_ = b;
    cur_ = b;
    for (Stmt* s : mod.body) stmt(s);
  }

 private:
  [[noreturn]] void fail(const Pos& p, const std::string& msg) {
    throw CompileError{src_.error_at("SyntaxError", msg, p.line, p.col, p.end_line, p.end_col)};
  }
  [[noreturn]] void fail_recursion() {
    SyntaxErrorInfo e;
    e.kind = "RecursionError";
    e.message = "maximum recursion depth exceeded during compilation";
    e.filename = src_.filename();
    throw CompileError{e};
  }

  Block* new_block(BlockKind kind, std::string name, Pos pos, const void* node) {
    st_.blocks_.push_back(std::make_unique<Block>());
    Block* b = st_.blocks_.back().get();
    b->kind = kind;
    b->name = std::move(name);
    b->pos = pos;
    if (node) st_.by_node_[node] = b;
    if (cur_) {
      b->parent = cur_;
      b->nested = cur_->nested || cur_->kind == BlockKind::Function;
      cur_->children.push_back(b);
    }
    return b;
  }

  // symtable_add_def_helper
  void add_def(Block* b, const std::string& name, uint32_t flag, const Pos& pos) {
    auto [it, inserted] = b->symbols.try_emplace(name);
    if (inserted) b->order.push_back(name);
    if ((flag & kDefParam) && (it->second.flags & kDefParam))
      fail(pos, "duplicate argument '" + name + "' in function definition");
    it->second.flags |= flag;
    if (flag & kDefParam) b->params.push_back(name);
  }
  void add_def(const std::string& name, uint32_t flag, const Pos& pos) { add_def(cur_, name, flag, pos); }

  void stmts(const std::vector<Stmt*>& body) {
    for (Stmt* s : body) stmt(s);
  }

  void stmt(Stmt* s) {
    if (++depth_ > SymbolTable::kMaxDepth) fail_recursion();
    stmt_node(s);
    depth_--;
  }

  void stmt_node(Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: function_def(s); break;
      case StmtKind::ClassDef: class_def(s); break;
      case StmtKind::Return:
        if (s->value) expr(s->value);
        break;
      case StmtKind::Delete:
        for (Expr* t : s->targets) expr(t);
        break;
      case StmtKind::Assign:
        for (Expr* t : s->targets) expr(t);
        expr(s->value);
        break;
      case StmtKind::AugAssign:
        expr(s->target);
        expr(s->value);
        break;
      case StmtKind::AnnAssign: ann_assign(s); break;
      case StmtKind::For:
        expr(s->target);
        expr(s->iter);
        stmts(s->body);
        stmts(s->orelse);
        break;
      case StmtKind::While:
        expr(s->test);
        stmts(s->body);
        stmts(s->orelse);
        break;
      case StmtKind::If:
        // Walk elif chains iteratively; each elif is one level deeper, as in
        // CPython's recursive visit.
        {
          const int base = depth_;
          for (;;) {
            expr(s->test);
            stmts(s->body);
            if (s->orelse.size() != 1 || s->orelse[0]->kind != StmtKind::If) break;
            s = s->orelse[0];
            if (++depth_ > SymbolTable::kMaxDepth) fail_recursion();
          }
          stmts(s->orelse);
          depth_ = base;
        }
        break;
      case StmtKind::With:
        for (const WithItem& w : s->items) {
          expr(w.context);
          if (w.target) expr(w.target);
        }
        stmts(s->body);
        break;
      case StmtKind::Raise:
        if (s->exc) expr(s->exc);
        if (s->cause) expr(s->cause);
        break;
      case StmtKind::Try:
        stmts(s->body);
        for (const ExceptHandler& h : s->handlers) {
          if (h.type) expr(h.type);
          if (!h.name.empty()) add_def(h.name, kDefLocal, h.pos);
          stmts(h.body);
        }
        stmts(s->orelse);
        stmts(s->finalbody);
        break;
      case StmtKind::Assert:
        expr(s->test);
        if (s->msg) expr(s->msg);
        break;
      case StmtKind::Import:
      case StmtKind::ImportFrom: import(s); break;
      case StmtKind::Global:
      case StmtKind::Nonlocal: directive(s); break;
      case StmtKind::ExprStmt: expr(s->value); break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: break;
    }
  }

  void ann_assign(Stmt* s) {
    if (s->target->kind == ExprKind::Name) {
      uint32_t cur = cur_->flags_of(s->target->name);
      if ((cur & (kDefGlobal | kDefNonlocal)) && cur_->symbols.count(s->target->name) && s->simple) {
        const char* msg = (cur & kDefGlobal) ? "annotated name '%' can't be global" : "annotated name '%' can't be nonlocal";
        std::string m(msg);
        m.replace(m.find('%'), 1, s->target->name);
        fail(s->pos, m);
      }
      if (s->simple) add_def(s->target->name, kDefAnnot | kDefLocal, s->target->pos);
      else if (s->value) add_def(s->target->name, kDefLocal, s->target->pos);
    } else {
      expr(s->target);
    }
    expr(s->annotation);
    if (s->value) expr(s->value);
  }

  void import(Stmt* s) {
    for (const Alias& a : s->names) {
      if (a.name == "*") {
        if (cur_->kind != BlockKind::Module) fail(s->pos, "import * only allowed at module level");
        continue;
      }
      std::string bound = !a.asname.empty() ? a.asname : a.name.substr(0, a.name.find('.'));
      add_def(bound, kDefImport, a.pos);
    }
  }

  void directive(Stmt* s) {
    bool global = s->kind == StmtKind::Global;
    for (const std::string& name : s->idents) {
      uint32_t cur = cur_->flags_of(name);
      if (cur & (kDefParam | kDefLocal | kDefUse | kDefAnnot)) {
        std::string what = global ? "global" : "nonlocal";
        std::string msg;
        if (cur & kDefParam) msg = "name '" + name + "' is parameter and " + what;
        else if (cur & kDefUse) msg = "name '" + name + "' is used prior to " + what + " declaration";
        else if (cur & kDefAnnot) msg = "annotated name '" + name + "' can't be " + what;
        else msg = "name '" + name + "' is assigned to before " + what + " declaration";
        fail(s->pos, msg);
      }
      add_def(name, global ? kDefGlobal : kDefNonlocal, s->pos);
      cur_->directives.emplace(name, s->pos);
    }
  }

  void arguments_defaults(Arguments* a) {
    for (Expr* d : a->defaults) expr(d);
    for (Expr* d : a->kw_defaults)
      if (d) expr(d);
  }

  void annotations(Arguments* a) {
    auto ann = [&](const Arg& arg) {
      if (arg.annotation) expr(arg.annotation);
    };
    for (const Arg& arg : a->posonlyargs) ann(arg);
    for (const Arg& arg : a->args) ann(arg);
    if (a->vararg) ann(*a->vararg);
    for (const Arg& arg : a->kwonlyargs) ann(arg);
    if (a->kwarg) ann(*a->kwarg);
  }

  void params(Arguments* a) {
    for (const Arg& arg : a->posonlyargs) add_def(arg.name, kDefParam, arg.pos);
    for (const Arg& arg : a->args) add_def(arg.name, kDefParam, arg.pos);
    for (const Arg& arg : a->kwonlyargs) add_def(arg.name, kDefParam, arg.pos);
    if (a->vararg) {
      add_def(a->vararg->name, kDefParam, a->vararg->pos);
      cur_->has_varargs = true;
    }
    if (a->kwarg) {
      add_def(a->kwarg->name, kDefParam, a->kwarg->pos);
      cur_->has_varkeywords = true;
    }
  }

  void function_def(Stmt* s) {
    add_def(s->name, kDefLocal, s->pos);
    arguments_defaults(s->args);
    annotations(s->args);
    if (s->returns) expr(s->returns);
    for (Expr* d : s->decorators) expr(d);
    Block* saved = cur_;
    cur_ = new_block(BlockKind::Function, s->name, s->pos, s);
    params(s->args);
    stmts(s->body);
    cur_ = saved;
  }

  void class_def(Stmt* s) {
    add_def(s->name, kDefLocal, s->pos);
    for (Expr* b : s->bases) expr(b);
    for (const Keyword& k : s->keywords) expr(k.value);
    for (Expr* d : s->decorators) expr(d);
    Block* saved = cur_;
    cur_ = new_block(BlockKind::Class, s->name, s->pos, s);
    stmts(s->body);
    cur_ = saved;
  }

  void lambda(Expr* e) {
    arguments_defaults(e->args);
    Block* saved = cur_;
    cur_ = new_block(BlockKind::Function, "lambda", e->pos, e);
    params(e->args);
    expr(e->a);
    cur_ = saved;
  }

  void comprehension(Expr* e, const char* name) {
    // The outermost iterable is evaluated in the enclosing scope.
    expr(e->generators[0].iter);
    Block* saved = cur_;
    Block* b = new_block(BlockKind::Function, name, e->pos, e);
    b->is_comprehension = true;
    b->is_generator = e->kind == ExprKind::GeneratorExp;
    cur_ = b;
    add_def(".0", kDefParam, e->pos);
    for (size_t i = 0; i < e->generators.size(); i++) {
      const Comprehension& g = e->generators[i];
      b->comp_iter_target++;
      expr(g.target);
      b->comp_iter_target--;
      if (i > 0) expr(g.iter);
      for (Expr* c : g.ifs) expr(c);
    }
    if (e->kind == ExprKind::DictComp) {
      expr(e->a);
      expr(e->b);
    } else {
      expr(e->a);
    }
    cur_ = saved;
  }

  // symtable_extend_namedexpr_scope: a walrus inside a comprehension binds in
  // the nearest enclosing function (or module) block.
  void named_expr_target(Expr* target) {
    const std::string& name = target->name;
    if (cur_->is_comprehension) {
      for (Block* b = cur_; b; b = b->parent) {
        if (b->is_comprehension) {
          if (b->flags_of(name) & kDefCompIter)
            fail(target->pos, "assignment expression cannot rebind comprehension iteration variable '" + name + "'");
          continue;
        }
        if (b->kind == BlockKind::Function) {
          uint32_t f = b->flags_of(name);
          add_def(name, (f & kDefGlobal) ? kDefGlobal : kDefNonlocal, target->pos);
          cur_->directives.emplace(name, target->pos);
          add_def(b, name, kDefLocal, target->pos);
          return;
        }
        if (b->kind == BlockKind::Module) {
          add_def(name, kDefGlobal, target->pos);
          cur_->directives.emplace(name, target->pos);
          add_def(b, name, kDefGlobal, target->pos);
          return;
        }
        fail(target->pos, "assignment expression within a comprehension cannot be used in a class body");
      }
    }
    expr(target);
  }

  void expr(Expr* e) {
    if (++depth_ > SymbolTable::kMaxDepth) fail_recursion();
    // Walk left-leaning operator chains iteratively, but count depth as
    // CPython's recursive visit does: the i-th BinOp of the spine sits at
    // base + i, the leftmost operand at base + (number of BinOps).
    const int base = depth_;
    std::vector<Expr*> rights;
    while (e->kind == ExprKind::BinOp) {
      rights.push_back(e->b);
      e = e->a;
    }
    if (!rights.empty()) {
      if (rights.size() > static_cast<size_t>(SymbolTable::kMaxDepth)) fail_recursion();
      depth_ = base + static_cast<int>(rights.size());
      if (depth_ > SymbolTable::kMaxDepth) fail_recursion();
    }
    expr_node(e);
    for (size_t i = rights.size(); i-- > 0;) {
      depth_ = base + static_cast<int>(i);
      expr(rights[i]);
    }
    depth_ = base - 1;
  }

  void exprs(const std::vector<Expr*>& v) {
    for (Expr* e : v)
      if (e) expr(e);
  }

  void expr_node(Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp:
      case ExprKind::Set:
      case ExprKind::JoinedStr:
      case ExprKind::List:
      case ExprKind::Tuple: exprs(e->items); break;
      case ExprKind::NamedExpr:
        expr(e->b);
        named_expr_target(e->a);
        break;
      case ExprKind::BinOp:
        expr(e->a);
        expr(e->b);
        break;
      case ExprKind::UnaryOp:
      case ExprKind::Starred:
      case ExprKind::YieldFrom:
      case ExprKind::Attribute: expr(e->a); break;
      case ExprKind::Lambda: lambda(e); break;
      case ExprKind::IfExp:
        expr(e->a);
        expr(e->b);
        expr(e->c);
        break;
      case ExprKind::Dict:
        for (size_t i = 0; i < e->values.size(); i++) {
          if (e->items[i]) expr(e->items[i]);
          expr(e->values[i]);
        }
        break;
      case ExprKind::ListComp: comprehension(e, "listcomp"); break;
      case ExprKind::SetComp: comprehension(e, "setcomp"); break;
      case ExprKind::DictComp: comprehension(e, "dictcomp"); break;
      case ExprKind::GeneratorExp: comprehension(e, "genexpr"); break;
      case ExprKind::Yield:
        if (e->a) expr(e->a);
        cur_->is_generator = true;
        if (cur_->is_comprehension) fail(e->pos, std::string("'yield' inside ") + comp_kind_name());
        break;
      case ExprKind::Compare:
        expr(e->a);
        exprs(e->items);
        break;
      case ExprKind::Call:
        expr(e->a);
        exprs(e->items);
        for (const Keyword& k : e->keywords) expr(k.value);
        break;
      case ExprKind::FormattedValue:
        expr(e->a);
        if (e->b) expr(e->b);
        break;
      case ExprKind::Constant: break;
      case ExprKind::Subscript:
        expr(e->a);
        expr(e->b);
        break;
      case ExprKind::Slice:
        if (e->a) expr(e->a);
        if (e->b) expr(e->b);
        if (e->c) expr(e->c);
        break;
      case ExprKind::Name: name(e); break;
    }
    if (e->kind == ExprKind::YieldFrom) {
      cur_->is_generator = true;
      if (cur_->is_comprehension) fail(e->pos, std::string("'yield' inside ") + comp_kind_name());
    }
  }

  const char* comp_kind_name() const {
    if (cur_->name == "listcomp") return "list comprehension";
    if (cur_->name == "setcomp") return "set comprehension";
    if (cur_->name == "dictcomp") return "dict comprehension";
    return "generator expression";
  }

  void name(Expr* e) {
    uint32_t flag = e->ctx == Ctx::Load ? kDefUse : kDefLocal;
    if (flag == kDefLocal && cur_->comp_iter_target > 0) flag |= kDefCompIter;
    add_def(e->name, flag, e->pos);
    if (e->ctx == Ctx::Load && cur_->kind == BlockKind::Function && e->name == "super")
      add_def("__class__", kDefUse, e->pos);
  }

  SymbolTable& st_;
  const SourceText& src_;
  Block* cur_ = nullptr;
  int depth_ = 0;
};

// -- Pass 2: resolve scopes --------------------------------------------------------

namespace {

struct Analyzer {
  const SourceText& src;

  [[noreturn]] void fail_directive(Block* b, const std::string& name, const std::string& msg) {
    Pos p = b->directives.count(name) ? b->directives.at(name) : b->pos;
    throw CompileError{src.error_at("SyntaxError", msg, p.line, p.col, p.end_line, p.end_col)};
  }

  void analyze_name(Block* b, std::unordered_map<std::string, Scope>& scopes, const std::string& name,
                    uint32_t flags, const NameSet* bound, NameSet& local, NameSet& free, NameSet& global) {
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) fail_directive(b, name, "name '" + name + "' is nonlocal and global");
      scopes[name] = Scope::GlobalExplicit;
      global.insert(name);
      if (bound) const_cast<NameSet*>(bound)->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (!bound) fail_directive(b, name, "nonlocal declaration not allowed at module level");
      if (!bound->count(name)) fail_directive(b, name, "no binding for nonlocal '" + name + "' found");
      scopes[name] = Scope::Free;
      b->has_free = true;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      scopes[name] = Scope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      scopes[name] = Scope::Free;
      b->has_free = true;
      free.insert(name);
      return;
    }
    if (global.count(name)) {
      scopes[name] = Scope::GlobalImplicit;
      return;
    }
    if (b->nested) b->has_free = true;
    scopes[name] = Scope::GlobalImplicit;
  }

  void analyze_block(Block* b, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    std::unordered_map<std::string, Scope> scopes;
    if (b->kind == BlockKind::Class) {
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (const std::string& name : b->order)
      analyze_name(b, scopes, name, b->symbols[name].flags, bound, local, free, global);
    if (b->kind != BlockKind::Class) {
      if (b->kind == BlockKind::Function) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (Block* child : b->children) {
      NameSet child_bound = newbound, child_free = newfree, child_global = newglobal;
      analyze_block(child, &child_bound, child_free, child_global);
      allfree.insert(child_free.begin(), child_free.end());
      if (child->has_free || child->child_free) b->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (b->kind == BlockKind::Function) {
      for (auto& [name, scope] : scopes) {
        if (scope == Scope::Local && newfree.count(name)) {
          scope = Scope::Cell;
          newfree.erase(name);
        }
      }
    } else if (b->kind == BlockKind::Class) {
      if (newfree.erase("__class__")) b->needs_class_closure = true;
    }
    update_symbols(b, scopes, bound, newfree);
    free.insert(newfree.begin(), newfree.end());
  }

  void update_symbols(Block* b, const std::unordered_map<std::string, Scope>& scopes, const NameSet* bound,
                      const NameSet& free) {
    for (auto& [name, sym] : b->symbols) {
      auto it = scopes.find(name);
      if (it != scopes.end()) sym.scope = it->second;
    }
    for (const std::string& name : free) {
      auto it = b->symbols.find(name);
      if (it != b->symbols.end()) {
        if (b->kind == BlockKind::Class && (it->second.flags & (kDefBound | kDefGlobal)))
          it->second.flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      b->symbols[name] = Symbol{0, Scope::Free};
      b->order.push_back(name);
    }
  }
};

}  // namespace

SymbolTable::SymbolTable(const Module& mod, const SourceText& src) {
  SymtableBuilder builder(*this, src);
  builder.module(mod);
  Analyzer analyzer{src};
  NameSet free, global;
  analyzer.analyze_block(top_, nullptr, free, global);
}

}  // namespace contrail::front
