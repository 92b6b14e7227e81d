// src/front/compiler.cpp -- Code units, emission, labels, the exception table
// and stack-depth analysis; modelled on CPython 3.11's compile.c with our
// opcodes (runtime/bytecode.h).
//
// == Protocols emitted (the interpreter implements exactly these) ==========
//
// Names. Module code: every name is LOAD_GLOBAL/STORE_GLOBAL/DELETE_GLOBAL.
// Functions: LOAD_FAST (locals), LOAD_DEREF (cells then frees), LOAD_GLOBAL.
// Class bodies: LOAD_NAME/STORE_NAME for their own and implicit-global names,
// LOAD_GLOBAL for `global` names, LOAD_DEREF for names free in the class body
// (no LOAD_CLASSDEREF: the class dict is not consulted for those).
//
// Calls.  f(a, b, k=v)      -> f PUSH_NULL a b v LOAD_CONST ('k',) CALL_KW 3
//         f(a)              -> f PUSH_NULL a CALL 1
//         o.m(a)            -> o LOAD_METHOD m a CALL 1   (either [meth o] or [attr NULL])
//         f(*a, **k)        -> f PUSH_NULL <args tuple> <kwargs dict> CALL_EX 1
//         f(*a)             -> f PUSH_NULL <args tuple> CALL_EX 0
//   The args tuple is BUILD_TUPLE n, or BUILD_LIST/LIST_APPEND 1/LIST_EXTEND 1 +
//   LIST_TO_TUPLE; the kwargs dict is BUILD_MAP + DICT_MERGE 1 (TypeError on
//   duplicates). CALL with a non-NULL second slot is also used as a trick,
//   like CPython: [exit None None None] CALL 2 calls exit(None, None, None),
//   [AssertionError msg] CALL 0 calls AssertionError(msg).
//
// Functions. [defaults tuple]? [kwdefaults dict]? [closure tuple]? code
//   MAKE_FUNCTION flags. The closure tuple is LOAD_CLOSURE of the parent's
//   cell/free slots in the order of the child's freevars (sorted names).
//   Function consts[0] is the docstring or None. A parameter that is also a
//   cell is listed in CodeUnit::cell_param (moved into its cell at entry).
//   Decorators: d PUSH_NULL ... fn CALL 1 (innermost first).
//
// Generators (kCodeGenerator): the first instruction is RETURN_GENERATOR;
//   on the first resume execution continues after it with nothing pushed.
//   YIELD_VALUE: [v] -> [sent]. `yield from x`:
//       x GET_YIELD_FROM_ITER LOAD_CONST None
//     L: SEND exit  YIELD_VALUE  JUMP L    (JUMP backward, not a loop edge)
//     exit: [result]
//
// Comprehensions: a nested function named <listcomp>/<setcomp>/<dictcomp>/
//   <genexpr> whose only parameter is ".0" (an iterator):
//       MAKE_FUNCTION ... PUSH_NULL <first iterable> GET_ITER CALL 1
//   Body: BUILD_LIST 0 (or SET/MAP; genexpr: RETURN_GENERATOR), then per
//   `for`: LOAD_FAST .0 | <iter> GET_ITER; L: FOR_ITER end; <store target>;
//   <ifs: POP_JUMP_IF_FALSE next>; ...; LIST_APPEND/SET_ADD/MAP_ADD (n+1) or
//   (genexpr) YIELD_VALUE POP_TOP; next: JUMP_BACKWARD L; end: ... RETURN_VALUE.
//
// Classes. LOAD_BUILD_CLASS PUSH_NULL <body function> LOAD_CONST 'name'
//   <bases> [names] CALL n / CALL_KW n / CALL_EX: __build_class__(func, name,
//   *bases, **kw). The body (kCodeClassBody) starts with
//   LOAD_NAME __name__; STORE_NAME __module__; LOAD_CONST qualname;
//   STORE_NAME __qualname__ [; docstring STORE_NAME __doc__] and ends with
//   LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE
//   when a method uses super()/__class__ (the body then has cellvar
//   "__class__"), else LOAD_CONST None; RETURN_VALUE. Methods using super()
//   have "__class__" among their freevars; zero-argument super() reads it and
//   the first argument.
//
// Exceptions. The handler of an instruction is the innermost active one; on
//   an exception the stack is cut to the entry's depth, the exception pushed,
//   and control goes to the handler. Handlers never cover themselves.
//   try/except:
//         <body>                         handler -> X, depth D
//         <else>  JUMP end
//     X:  PUSH_EXC_INFO                  [prev exc]   handler -> C, depth D+1
//         <type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next1
//         STORE e | POP_TOP              [prev]
//         <handler body>                 (if named: handler -> N, depth D+1)
//         POP_EXCEPT [LOAD_CONST None STORE e DELETE e] JUMP end
//     N:  LOAD_CONST None STORE e DELETE e RERAISE      (named handlers only)
//     next1: ... more handlers ...
//         RERAISE                        no handler matched
//     C:  SWAP 2; POP_EXCEPT; RERAISE    [prev exc2] -> restore prev, reraise exc2
//     end:
//   try/finally:
//         <body>                         handler -> F, depth D
//         <finally body>  JUMP end
//     F:  PUSH_EXC_INFO                  [prev exc]   handler -> C, depth D+1
//         <finally body>
//         RERAISE
//     C:  SWAP 2; POP_EXCEPT; RERAISE
//     end:
//   with:
//         <mgr> BEFORE_WITH              [exit res]   handler -> W, depth D+1
//         STORE target | POP_TOP         [exit]
//         <body>
//         LOAD_CONST None x3 CALL 2 POP_TOP JUMP end   (exit(None, None, None))
//     W:  PUSH_EXC_INFO                  [exit prev exc]  handler -> C, depth D+2
//         WITH_EXCEPT_START              [exit prev exc res]
//         POP_JUMP_IF_TRUE S
//         RERAISE
//     C:  SWAP 2; POP_EXCEPT; RERAISE
//     S:  POP_TOP POP_EXCEPT POP_TOP     exception suppressed
//     end:
//   return/break/continue leaving these blocks run the cleanup inline, as
//   CPython's compiler_unwind_fblock: a finally body is compiled again, a with
//   calls exit(None, None, None), an except body does POP_EXCEPT (and clears
//   its name), a for loop pops its iterator. A returned value stays on the
//   stack below (SWAP 2 moves it under what must be popped).
//
// Imports. `import a.b.c` -> LOAD_CONST None IMPORT_NAME 'a.b.c' STORE a
//   (IMPORT_NAME with fromlist None returns the top-level package);
//   `import a.b as c` -> ... IMPORT_NAME 'a.b' IMPORT_FROM b SWAP 2 POP_TOP.. STORE c POP_TOP;
//   `from m import x as y` -> LOAD_CONST ('x',) IMPORT_NAME m IMPORT_FROM x STORE y POP_TOP;
//   `from m import *` -> LOAD_CONST ('*',) IMPORT_NAME m IMPORT_STAR.
//   Relative imports keep their leading dots in IMPORT_NAME's name: `from ..p
//   import x` names "..p", `from . import x` names "." (level = number of dots).
//
// Depends on compiler_impl.h.
#include "src/front/compiler.h"

#include <algorithm>
#include <cstring>

#include "src/front/compiler_impl.h"

namespace contrail::front {

using runtime::Instr;

void Compiler::fail(const Pos& pos, const std::string& msg) {
  throw CompileError{src_.error_at("SyntaxError", msg, pos.line, pos.col, pos.end_line, pos.end_col)};
}

void Compiler::fail_recursion() {
  SyntaxErrorInfo e;
  e.kind = "RecursionError";
  e.message = "maximum recursion depth exceeded during compilation";
  e.filename = src_.filename();
  throw CompileError{e};
}

// -- Units ---------------------------------------------------------------------------

void Compiler::enter_unit(Block* block, const std::string& name, const std::string& qualname, int first_line,
                          uint32_t flags) {
  auto unit = std::make_unique<Unit>();
  unit->code = std::make_shared<CodeUnit>();
  unit->block = block;
  CodeUnit& c = *unit->code;
  c.name = name;
  c.qualname = qualname;
  c.filename = src_.filename();
  c.first_line = first_line;
  c.flags = flags;
  unit->line = first_line;
  if (!units_.empty()) unit->private_name = units_.back()->private_name;
  if (block->kind == BlockKind::Class) unit->private_name = name;
  c.cellvars = block->cellvars();
  c.freevars = block->freevars();
  unit->cells = c.cellvars;
  unit->cells.insert(unit->cells.end(), c.freevars.begin(), c.freevars.end());
  for (const std::string& p : block->params) {
    unit->varname_index[p] = static_cast<int>(c.varnames.size());
    c.varnames.push_back(p);
  }
  for (const std::string& cell : c.cellvars) {
    auto it = unit->varname_index.find(cell);
    c.cell_param.push_back(it == unit->varname_index.end() ? -1 : it->second);
  }
  units_.push_back(std::move(unit));
}

std::shared_ptr<CodeUnit> Compiler::exit_unit() {
  finish_code();
  std::shared_ptr<CodeUnit> code = u().code;
  units_.pop_back();
  return code;
}

// Qualified name of a def/class/lambda/comprehension [name] created in the current unit.
std::string Compiler::qualname_for(const std::string& name, bool) const {
  const Unit& parent = *units_.back();
  if (parent.block->kind == BlockKind::Module) return name;
  if (parent.block->kind == BlockKind::Function || parent.block->kind == BlockKind::Class) {
    if (parent.block->scope_of(name) == Scope::GlobalExplicit && name[0] != '<') return name;
  }
  const std::string& base = parent.code->qualname;
  if (parent.block->kind == BlockKind::Function) return base + ".<locals>." + name;
  return base + "." + name;
}

// -- Emission --------------------------------------------------------------------------

int Compiler::emit(Op op, uint32_t arg) {
  Unit& unit = u();
  if (arg > runtime::kMaxArg) fail(Pos{unit.line, 0, unit.line, 0}, "too many constants or names in one code object");
  unit.code->code.push_back(Instr::make(op, arg));
  unit.code->lines.push_back(unit.line);
  unit.instr_handler.push_back(unit.handler_stack.empty() ? -1 : unit.handler_stack.back());
  return static_cast<int>(unit.code->code.size()) - 1;
}

int Compiler::emit_jump(Op op, int label) {
  int at = emit(op, 0);
  u().fixups.emplace_back(at, label);
  return at;
}

int Compiler::new_label() {
  u().label_pc.push_back(-1);
  return static_cast<int>(u().label_pc.size()) - 1;
}

void Compiler::bind(int label) { u().label_pc[static_cast<size_t>(label)] = pc(); }

void Compiler::push_handler(int label, int adjust) {
  Unit& unit = u();
  unit.handlers.push_back(HandlerInfo{label, pc(), adjust});
  unit.handler_stack.push_back(static_cast<int>(unit.handlers.size()) - 1);
}

void Compiler::pop_handler() { u().handler_stack.pop_back(); }

namespace {

// A key identifying equal constants (type and value; -0.0 != 0.0, 1 != True).
std::string const_key(const ConstValue& v) {
  std::string key(1, static_cast<char>('0' + v.v.index()));
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, bool>) key += x ? "1" : "0";
        else if constexpr (std::is_same_v<T, int64_t>) key += std::to_string(x);
        else if constexpr (std::is_same_v<T, IntLiteral>) key += std::to_string(x.base) + ":" + x.digits;
        else if constexpr (std::is_same_v<T, double>) {
          char buf[sizeof(double)];
          std::memcpy(buf, &x, sizeof x);
          key.append(buf, sizeof buf);
        } else if constexpr (std::is_same_v<T, std::string>) key += x;
        else if constexpr (std::is_same_v<T, ConstTuple>) {
          for (const ConstValue& item : x) {
            std::string k = const_key(item);
            key += std::to_string(k.size()) + ":" + k;
          }
        } else if constexpr (std::is_same_v<T, std::shared_ptr<CodeUnit>>) {
          key += std::to_string(reinterpret_cast<uintptr_t>(x.get()));
        }
      },
      v.v);
  return key;
}

}  // namespace

uint32_t Compiler::add_const(ConstValue v) {
  Unit& unit = u();
  std::string key = const_key(v);
  auto it = unit.const_index.find(key);
  if (it != unit.const_index.end()) return static_cast<uint32_t>(it->second);
  int index = static_cast<int>(unit.code->consts.size());
  unit.code->consts.push_back(std::move(v));
  unit.const_index.emplace(std::move(key), index);
  return static_cast<uint32_t>(index);
}

uint32_t Compiler::add_name(const std::string& name) {
  Unit& unit = u();
  auto [it, inserted] = unit.name_index.try_emplace(name, static_cast<int>(unit.code->names.size()));
  if (inserted) unit.code->names.push_back(name);
  return static_cast<uint32_t>(it->second);
}

uint32_t Compiler::add_varname(const std::string& name) {
  Unit& unit = u();
  auto [it, inserted] = unit.varname_index.try_emplace(name, static_cast<int>(unit.code->varnames.size()));
  if (inserted) unit.code->varnames.push_back(name);
  return static_cast<uint32_t>(it->second);
}

int Compiler::cell_index(const std::string& name) {
  const std::vector<std::string>& cells = u().cells;
  auto it = std::find(cells.begin(), cells.end(), name);
  return it == cells.end() ? -1 : static_cast<int>(it - cells.begin());
}

// _Py_Mangle: __spam inside class Ham becomes _Ham__spam.
std::string Compiler::mangle(const std::string& name) const {
  const std::string& cls = units_.back()->private_name;
  if (cls.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;
  if (name.find('.') != std::string::npos) return name;
  size_t strip = cls.find_first_not_of('_');
  if (strip == std::string::npos) return name;
  std::string out(1, '_');
  out.append(cls, strip, std::string::npos);
  out += name;
  return out;
}

// compiler_nameop: picks FAST / DEREF / GLOBAL / NAME for [name] in [ctx].
void Compiler::name_op(const std::string& raw, Ctx ctx) {
  std::string name = mangle(raw);
  Unit& unit = u();
  Block* b = unit.block;
  Scope scope = b->scope_of(name);
  enum { kFast, kDeref, kGlobal, kName } kind = kName;
  switch (scope) {
    case Scope::Free:
    case Scope::Cell: kind = kDeref; break;
    case Scope::Local: kind = b->kind == BlockKind::Function ? kFast : kName; break;
    case Scope::GlobalImplicit: kind = b->kind == BlockKind::Function ? kGlobal : kName; break;
    case Scope::GlobalExplicit: kind = kGlobal; break;
  }
  if (b->kind == BlockKind::Module) kind = kGlobal;
  if (kind == kDeref && cell_index(name) < 0) kind = b->kind == BlockKind::Function ? kGlobal : kName;
  switch (kind) {
    case kFast: {
      uint32_t i = add_varname(name);
      emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST, i);
      return;
    }
    case kDeref: {
      auto i = static_cast<uint32_t>(cell_index(name));
      emit(ctx == Ctx::Load ? Op::LOAD_DEREF : ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, i);
      return;
    }
    case kGlobal: {
      uint32_t i = add_name(name);
      emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, i);
      return;
    }
    case kName: {
      uint32_t i = add_name(name);
      emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME, i);
      return;
    }
  }
}

// -- Finishing: jumps, stack depth, exception table ----------------------------------------

namespace {

// Stack depth at the jump target relative to the depth before the jump.
int jump_effect(Op op) {
  switch (op) {
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::FOR_ITER:
    case Op::SEND: return -1;
    default: return 0;
  }
}

}  // namespace

void Compiler::compute_stack(std::vector<int>& depth) {
  Unit& unit = u();
  CodeUnit& c = *unit.code;
  size_t n = c.code.size();
  depth.assign(n + 1, -1);
  std::vector<int> work;
  int max_depth = 0;
  auto push = [&](int target, int d) {
    if (target < 0 || static_cast<size_t>(target) > n) return;
    if (d < 0) d = 0;
    max_depth = std::max(max_depth, d);
    if (depth[static_cast<size_t>(target)] < 0) {
      depth[static_cast<size_t>(target)] = d;
      work.push_back(target);
    }
  };
  if (n > 0) push(0, 0);
  while (!work.empty()) {
    int i = work.back();
    work.pop_back();
    for (;;) {
      if (static_cast<size_t>(i) >= n) break;
      int d = depth[static_cast<size_t>(i)];
      uint32_t word = c.code[static_cast<size_t>(i)];
      Op op = Instr::op(word);
      uint32_t arg = Instr::arg(word);
      int h = unit.instr_handler[static_cast<size_t>(i)];
      if (h >= 0) {
        const HandlerInfo& hi = unit.handlers[static_cast<size_t>(h)];
        int setup_depth = depth[static_cast<size_t>(hi.setup_pc)];
        if (setup_depth >= 0) push(unit.label_pc[static_cast<size_t>(hi.label)], setup_depth + hi.adjust + 1);
      }
      if (runtime::op_operand(op) == runtime::OperandKind::JUMP) {
        int effect = op == Op::FOR_ITER || op == Op::SEND || op == Op::POP_JUMP_IF_FALSE || op == Op::POP_JUMP_IF_TRUE
                         ? jump_effect(op)
                         : 0;
        push(static_cast<int>(arg), d + effect);
      }
      if (!runtime::op_falls_through(op)) break;
      int next = d + runtime::bytecode_stack_effect(op, arg);
      max_depth = std::max(max_depth, next);
      // Instructions that temporarily need more room than their net effect.
      if (op == Op::FOR_ITER || op == Op::LOAD_METHOD || op == Op::BEFORE_WITH) max_depth = std::max(max_depth, d + 1);
      size_t nx = static_cast<size_t>(i) + 1;
      if (depth[nx] >= 0) break;
      depth[nx] = next < 0 ? 0 : next;
      i = static_cast<int>(nx);
    }
  }
  c.max_stack = max_depth;
}

void Compiler::finish_code() {
  Unit& unit = u();
  CodeUnit& c = *unit.code;
  for (auto [at, label] : unit.fixups) {
    int target = unit.label_pc[static_cast<size_t>(label)];
    uint32_t& word = c.code[static_cast<size_t>(at)];
    word = Instr::make(Instr::op(word), static_cast<uint32_t>(target < 0 ? 0 : target));
  }
  std::vector<int> depth;
  compute_stack(depth);
  // Exception table: runs of instructions with the same handler.
  size_t n = c.code.size();
  for (size_t i = 0; i < n;) {
    int h = unit.instr_handler[i];
    size_t j = i + 1;
    while (j < n && unit.instr_handler[j] == h) j++;
    if (h >= 0) {
      const HandlerInfo& hi = unit.handlers[static_cast<size_t>(h)];
      int d = depth[static_cast<size_t>(hi.setup_pc)];
      ExceptionEntry e;
      e.start = static_cast<uint32_t>(i);
      e.end = static_cast<uint32_t>(j);
      e.handler = static_cast<uint32_t>(std::max(0, unit.label_pc[static_cast<size_t>(hi.label)]));
      e.depth = static_cast<uint32_t>(std::max(0, d + hi.adjust));
      c.exception_table.push_back(e);
    }
    i = j;
  }
}

std::shared_ptr<CodeUnit> Compiler::module(const Module& mod) {
  enter_unit(st_.top(), "<module>", "<module>", 1, runtime::kCodeModule);
  std::string doc;
  size_t start = 0;
  if (docstring(mod.body, &doc)) {
    set_line(mod.body[0]->pos.line);
    load_const(ConstValue{doc});
    name_op("__doc__", Ctx::Store);
    start = 1;
  }
  for (size_t i = start; i < mod.body.size(); i++) stmt(mod.body[i]);
  if (!mod.body.empty()) set_line(mod.body.back()->pos.end_line);
  load_none();
  emit(Op::RETURN_VALUE);
  return exit_unit();
}

std::shared_ptr<CodeUnit> compile_module(const Module& mod, const SymbolTable& st, const SourceText& src) {
  Compiler compiler(st, src);
  return compiler.module(mod);
}

}  // namespace contrail::front
