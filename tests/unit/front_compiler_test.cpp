// tests/unit/front_compiler_test.cpp -- Scope analysis and bytecode shape:
// name resolution (fast/deref/global/name), cells and free variables, the
// loop back-edge rule, call/exception/generator/class protocols, compile-time
// errors, and robustness (random and garbled inputs never crash).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "runtime/bytecode.h"
#include "src/front/disassemble.h"
#include "src/front/front.h"
#include "src/front/parser.h"
#include "src/front/symtable.h"

namespace contrail::front {
namespace {

using runtime::Instr;
using runtime::Op;

std::shared_ptr<CodeUnit> compile_ok(const std::string& source) {
  CompileResult r = compile_source(source, "t.py");
  EXPECT_FALSE(r.error) << (r.error ? format_syntax_error(*r.error) : "");
  return r.code;
}

std::string err(const std::string& source) {
  CompileResult r = compile_source(source, "x.py");
  return r.error ? format_syntax_error(*r.error) : "OK";
}

// The code object named [name] among [c]'s constants (recursively).
const CodeUnit* find_code(const CodeUnit& c, const std::string& name) {
  if (c.name == name) return &c;
  for (const ConstValue& k : c.consts) {
    if (const auto* sub = std::get_if<std::shared_ptr<CodeUnit>>(&k.v)) {
      if (const CodeUnit* found = find_code(**sub, name)) return found;
    }
  }
  return nullptr;
}

std::vector<Op> ops(const CodeUnit& c) {
  std::vector<Op> out;
  for (uint32_t w : c.code) out.push_back(Instr::op(w));
  return out;
}

int count(const CodeUnit& c, Op op) {
  int n = 0;
  for (Op o : ops(c)) n += o == op;
  return n;
}

std::string op_names(const CodeUnit& c) {
  std::string out;
  for (Op o : ops(c)) out += (out.empty() ? "" : " ") + std::string(runtime::op_name(o));
  return out;
}

// -- Scopes --------------------------------------------------------------------------

struct Scopes {
  std::string text;
  Module mod;
  std::unique_ptr<SourceText> src;
  std::unique_ptr<SymbolTable> st;
  explicit Scopes(const std::string& source) : text(source) {
    src = std::make_unique<SourceText>(text, "t.py");
    parse_module(*src, mod);
    st = std::make_unique<SymbolTable>(mod, *src);
  }
  const Block* block(const std::string& name) const { return find(st->top(), name); }
  static const Block* find(const Block* b, const std::string& name) {
    if (b->name == name) return b;
    for (const Block* c : b->children)
      if (const Block* f = find(c, name)) return f;
    return nullptr;
  }
};

TEST(FrontSymtable, LocalsCellsAndFrees) {
  Scopes s("def f(a):\n  b = 1\n  def g():\n    return a + c\n  return g\n");
  const Block* f = s.block("f");
  const Block* g = s.block("g");
  ASSERT_TRUE(f && g);
  EXPECT_EQ(f->scope_of("a"), Scope::Cell);
  EXPECT_EQ(f->scope_of("b"), Scope::Local);
  EXPECT_EQ(f->scope_of("g"), Scope::Local);
  EXPECT_EQ(g->scope_of("a"), Scope::Free);
  EXPECT_EQ(g->scope_of("c"), Scope::GlobalImplicit);
  EXPECT_EQ(f->cellvars(), std::vector<std::string>{"a"});
}

TEST(FrontSymtable, GlobalAndNonlocal) {
  Scopes s("x = 0\ndef f():\n  global x\n  x = 1\n  y = 2\n  def g():\n    nonlocal y\n    y = 3\n  return g\n");
  EXPECT_EQ(s.block("f")->scope_of("x"), Scope::GlobalExplicit);
  EXPECT_EQ(s.block("f")->scope_of("y"), Scope::Cell);
  EXPECT_EQ(s.block("g")->scope_of("y"), Scope::Free);
}

TEST(FrontSymtable, ClassBodyNamesAreNotVisibleInMethods) {
  Scopes s("def f():\n  x = 1\n  class C:\n    x = 2\n    def m(self):\n      return x\n  return C\n");
  EXPECT_EQ(s.block("C")->scope_of("x"), Scope::Local);
  EXPECT_EQ(s.block("m")->scope_of("x"), Scope::Free);
  EXPECT_EQ(s.block("f")->scope_of("x"), Scope::Cell);
  EXPECT_TRUE(s.block("C")->flags_of("x") & kDefFreeClass);
  EXPECT_EQ(s.block("C")->freevars(), std::vector<std::string>{"x"});
}

TEST(FrontSymtable, SuperCreatesClassCell) {
  Scopes s("class C(B):\n  def m(self):\n    return super().m()\n");
  EXPECT_TRUE(s.block("C")->needs_class_closure);
  EXPECT_EQ(s.block("C")->cellvars(), std::vector<std::string>{"__class__"});
  EXPECT_EQ(s.block("m")->scope_of("__class__"), Scope::Free);
}

TEST(FrontSymtable, ComprehensionsAreFunctionScopes) {
  Scopes s("def f(n):\n  return [i * n for i in range(n)]\n");
  const Block* comp = s.block("listcomp");
  ASSERT_TRUE(comp);
  EXPECT_EQ(comp->scope_of("i"), Scope::Local);
  EXPECT_EQ(comp->scope_of("n"), Scope::Free);
  EXPECT_EQ(comp->scope_of("range"), Scope::GlobalImplicit);
  EXPECT_EQ(comp->params, std::vector<std::string>{".0"});
  EXPECT_EQ(s.block("f")->scope_of("n"), Scope::Cell);
}

TEST(FrontSymtable, Errors) {
  EXPECT_EQ(err("def f():\n  x=1\n  global x\n"),
            "  File \"x.py\", line 3\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is assigned to before global declaration\n");
  EXPECT_EQ(err("def f():\n  print(x)\n  global x\n"),
            "  File \"x.py\", line 3\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is used prior to global declaration\n");
  EXPECT_EQ(err("def f():\n  nonlocal x\n"),
            "  File \"x.py\", line 2\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'x' found\n");
  EXPECT_EQ(err("nonlocal x\n"),
            "  File \"x.py\", line 1\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: nonlocal declaration not allowed at module level\n");
  EXPECT_EQ(err("def f(a, a): pass\n"),
            "  File \"x.py\", line 1\n    def f(a, a): pass\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n");
}

// -- Bytecode shape ----------------------------------------------------------------------

TEST(FrontCompiler, WhileLoopHasOneBackEdge) {
  auto m = compile_ok("def f(n):\n  i = 0\n  while i < n:\n    i += 1\n    if i == 3:\n      continue\n  return i\n");
  const CodeUnit* f = find_code(*m, "f");
  ASSERT_TRUE(f);
  EXPECT_EQ(count(*f, Op::JUMP_BACKWARD), 1);
  // The back-edge targets the loop head, which evaluates the condition.
  for (size_t i = 0; i < f->code.size(); i++) {
    if (Instr::op(f->code[i]) != Op::JUMP_BACKWARD) continue;
    uint32_t head = Instr::arg(f->code[i]);
    EXPECT_LT(head, i);
    EXPECT_EQ(Instr::op(f->code[head]), Op::LOAD_FAST);
  }
  // Every backward jump is a JUMP_BACKWARD.
  for (size_t i = 0; i < f->code.size(); i++) {
    Op op = Instr::op(f->code[i]);
    if (runtime::op_operand(op) == runtime::OperandKind::JUMP && Instr::arg(f->code[i]) <= i) {
      EXPECT_EQ(op, Op::JUMP_BACKWARD);
    }
  }
}

TEST(FrontCompiler, ForLoopUsesGetIterForIter) {
  auto m = compile_ok("def f(xs):\n  t = 0\n  for x in xs:\n    t += x\n  else:\n    t = -1\n  return t\n");
  const CodeUnit* f = find_code(*m, "f");
  EXPECT_EQ(count(*f, Op::GET_ITER), 1);
  EXPECT_EQ(count(*f, Op::FOR_ITER), 1);
  EXPECT_EQ(count(*f, Op::JUMP_BACKWARD), 1);
  // -1 is folded into one constant.
  EXPECT_EQ(count(*f, Op::UNARY_NEG), 0);
}

TEST(FrontCompiler, NameOpsByScope) {
  auto m = compile_ok("g = 1\ndef f(a):\n  b = a + g\n  def h():\n    return b\n  return h\nclass C:\n  y = g\n");
  EXPECT_EQ(op_names(*m).find("STORE_NAME"), std::string::npos);
  const CodeUnit* f = find_code(*m, "f");
  EXPECT_EQ(op_names(*f), "LOAD_FAST LOAD_GLOBAL BINARY_OP STORE_DEREF LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE LOAD_CONST RETURN_VALUE");
  EXPECT_EQ(f->varnames, (std::vector<std::string>{"a", "h"}));
  EXPECT_EQ(f->cellvars, std::vector<std::string>{"b"});
  const CodeUnit* h = find_code(*m, "h");
  EXPECT_EQ(h->freevars, std::vector<std::string>{"b"});
  EXPECT_EQ(h->qualname, "f.<locals>.h");
  const CodeUnit* c = find_code(*m, "C");
  EXPECT_EQ(op_names(*c), "LOAD_NAME STORE_NAME LOAD_CONST STORE_NAME LOAD_NAME STORE_NAME LOAD_CONST RETURN_VALUE");
}

TEST(FrontCompiler, CellParameter) {
  auto m = compile_ok("def f(a, b):\n  return lambda: b\n");
  const CodeUnit* f = find_code(*m, "f");
  EXPECT_EQ(f->cellvars, std::vector<std::string>{"b"});
  EXPECT_EQ(f->cell_param, std::vector<int>{1});
}

TEST(FrontCompiler, CallProtocols) {
  auto m = compile_ok("f(1, x=2)\no.m(1)\nf(*a, **k)\n");
  EXPECT_EQ(op_names(*m),
            "LOAD_GLOBAL PUSH_NULL LOAD_CONST LOAD_CONST LOAD_CONST CALL_KW POP_TOP "
            "LOAD_GLOBAL LOAD_METHOD LOAD_CONST CALL POP_TOP "
            "LOAD_GLOBAL PUSH_NULL BUILD_LIST LOAD_GLOBAL LIST_EXTEND LIST_TO_TUPLE BUILD_MAP LOAD_GLOBAL DICT_MERGE "
            "CALL_EX POP_TOP LOAD_CONST RETURN_VALUE");
}

TEST(FrontCompiler, CallExWithoutKeywordsHasNoKwargsSlot) {
  auto m = compile_ok("f(*a)\n");
  EXPECT_EQ(op_names(*m), "LOAD_GLOBAL PUSH_NULL BUILD_LIST LOAD_GLOBAL LIST_EXTEND LIST_TO_TUPLE CALL_EX POP_TOP LOAD_CONST RETURN_VALUE");
  EXPECT_EQ(Instr::arg(m->code[6]), 0u);
  EXPECT_EQ(m->max_stack, 4);
}

TEST(FrontCompiler, KeywordRepeated) {
  EXPECT_EQ(err("print(1, sep=\" \",\n   sep=\",\")\n"),
            "  File \"x.py\", line 2\n    sep=\",\")\n    ^^^^^^^\nSyntaxError: keyword argument repeated: sep\n");
}

TEST(FrontCompiler, RelativeImportKeepsDots) {
  auto m = compile_ok("from ..pkg import x\nfrom . import y\n");
  EXPECT_EQ(m->names[0], "..pkg");
  EXPECT_EQ(m->names[2], ".");
}

TEST(FrontCompiler, LongElifChainCompilesIteratively) {
  // CPython 3.11 accepts 2998 arms at module level (2999: RecursionError).
  std::string s = "if x == 0:\n  pass\n";
  for (int i = 0; i < 2997; i++) s += "elif x == 0:\n  pass\n";
  auto m = compile_ok(s + "else:\n  y = 1\n");
  ASSERT_TRUE(m);
  EXPECT_EQ(count(*m, Op::POP_JUMP_IF_FALSE), 2998);
  CompileResult r = compile_source(s + "elif x == 0:\n  pass\n", "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error), "RecursionError: maximum recursion depth exceeded during compilation\n");
  // Past 5964 arms CPython's parser stack overflows first: a bare MemoryError.
  for (int i = 0; i < 10000; i++) s += "elif x:\n  pass\n";
  r = compile_source(s, "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error), "MemoryError\n");
}

TEST(FrontCompiler, TooManyStaticallyNestedBlocks) {
  std::string s;
  for (int i = 0; i < 20; i++) s += std::string(static_cast<size_t>(i), ' ') + "while x:\n";
  EXPECT_TRUE(compile_ok(s + std::string(20, ' ') + "pass\n"));
  s += std::string(20, ' ') + "for y in x:\n" + std::string(21, ' ') + "pass\n";
  CompileResult r = compile_source(s, "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error),
            "  File \"x.py\", line 21\n    for y in x:\n    ^^^^^^^^^^^\nSyntaxError: too many statically nested blocks\n");
}

TEST(FrontCompiler, ChainedComparison) {
  auto m = compile_ok("a < b < c\n");
  EXPECT_EQ(op_names(*m),
            "LOAD_GLOBAL LOAD_GLOBAL SWAP COPY COMPARE_OP JUMP_IF_FALSE_OR_POP LOAD_GLOBAL COMPARE_OP JUMP SWAP "
            "POP_TOP POP_TOP LOAD_CONST RETURN_VALUE");
}

TEST(FrontCompiler, TryExceptTable) {
  auto m = compile_ok("def f():\n  try:\n    g()\n  except E as e:\n    h(e)\n  return 1\n");
  const CodeUnit* f = find_code(*m, "f");
  ASSERT_GE(f->exception_table.size(), 2u);
  const ExceptionEntry& body = f->exception_table[0];
  EXPECT_EQ(body.depth, 0u);
  EXPECT_EQ(Instr::op(f->code[body.handler]), Op::PUSH_EXC_INFO);
  // The cleanup handler keeps the previous exception on the stack.
  bool found_cleanup = false;
  for (const ExceptionEntry& e : f->exception_table) {
    if (Instr::op(f->code[e.handler]) == Op::SWAP) {
      EXPECT_EQ(e.depth, 1u);
      EXPECT_EQ(Instr::op(f->code[e.handler + 1]), Op::POP_EXCEPT);
      EXPECT_EQ(Instr::op(f->code[e.handler + 2]), Op::RERAISE);
      found_cleanup = true;
    }
  }
  EXPECT_TRUE(found_cleanup);
  for (size_t i = 1; i < f->exception_table.size(); i++)
    EXPECT_GE(f->exception_table[i].start, f->exception_table[i - 1].end);
}

TEST(FrontCompiler, ReturnInsideFinallyRunsFinallyBody) {
  auto m = compile_ok("def f():\n  try:\n    return g()\n  finally:\n    h()\n");
  const CodeUnit* f = find_code(*m, "f");
  // h() appears three times: on the return path, the normal path and the exception path.
  int calls_to_h = 0;
  for (size_t i = 0; i < f->code.size(); i++) {
    if (Instr::op(f->code[i]) == Op::LOAD_GLOBAL && f->names[Instr::arg(f->code[i])] == "h") calls_to_h++;
  }
  EXPECT_EQ(calls_to_h, 3);
}

TEST(FrontCompiler, WithStatement) {
  auto m = compile_ok("def f():\n  with a() as b:\n    return b\n");
  const CodeUnit* f = find_code(*m, "f");
  EXPECT_EQ(count(*f, Op::BEFORE_WITH), 1);
  EXPECT_EQ(count(*f, Op::WITH_EXCEPT_START), 1);
  ASSERT_FALSE(f->exception_table.empty());
  EXPECT_EQ(f->exception_table[0].depth, 1u);  // keeps __exit__
  EXPECT_GE(f->max_stack, 4);
}

TEST(FrontCompiler, Generators) {
  auto m = compile_ok("def g():\n  yield 1\n  yield from h()\n");
  const CodeUnit* g = find_code(*m, "g");
  EXPECT_TRUE(g->flags & runtime::kCodeGenerator);
  EXPECT_EQ(Instr::op(g->code[0]), Op::RETURN_GENERATOR);
  EXPECT_EQ(count(*g, Op::SEND), 1);
  EXPECT_EQ(count(*g, Op::JUMP_BACKWARD), 0);
  auto m2 = compile_ok("x = (i for i in y)\n");
  const CodeUnit* ge = find_code(*m2, "<genexpr>");
  ASSERT_TRUE(ge);
  EXPECT_TRUE(ge->flags & runtime::kCodeGenerator);
  EXPECT_EQ(ge->varnames[0], ".0");
}

TEST(FrontCompiler, ClassWithSuper) {
  auto m = compile_ok("class C(B, metaclass=M):\n  def m(self):\n    return super().m()\n");
  EXPECT_EQ(op_names(*m).substr(0, 30), "LOAD_BUILD_CLASS PUSH_NULL LOA");
  EXPECT_NE(op_names(*m).find("CALL_KW"), std::string::npos);
  const CodeUnit* c = find_code(*m, "C");
  EXPECT_EQ(c->cellvars, std::vector<std::string>{"__class__"});
  EXPECT_NE(op_names(*c).find("LOAD_CLOSURE COPY STORE_NAME RETURN_VALUE"), std::string::npos);
  const CodeUnit* meth = find_code(*m, "m");
  EXPECT_EQ(meth->freevars, std::vector<std::string>{"__class__"});
  EXPECT_EQ(meth->qualname, "C.m");
}

TEST(FrontCompiler, LinesAndMaxStack) {
  auto m = compile_ok("x = 1\n\ny = (x +\n     2)\n");
  ASSERT_EQ(m->lines.size(), m->code.size());
  EXPECT_EQ(m->lines[0], 1);
  EXPECT_EQ(m->lines[2], 3);
  EXPECT_EQ(m->max_stack, 2);
}

TEST(FrontCompiler, Imports) {
  auto m = compile_ok("import a.b.c\nimport d.e as f\nfrom g import h as i, j\nfrom k import *\n");
  EXPECT_EQ(op_names(*m),
            "LOAD_CONST IMPORT_NAME STORE_GLOBAL LOAD_CONST IMPORT_NAME IMPORT_FROM STORE_GLOBAL POP_TOP "
            "LOAD_CONST IMPORT_NAME IMPORT_FROM STORE_GLOBAL IMPORT_FROM STORE_GLOBAL POP_TOP "
            "LOAD_CONST IMPORT_NAME IMPORT_STAR LOAD_CONST RETURN_VALUE");
  EXPECT_EQ(m->names[1], "a");
}

TEST(FrontCompiler, CompileErrors) {
  EXPECT_EQ(err("break\n"), "  File \"x.py\", line 1\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n");
  EXPECT_EQ(err("for x in y:\n  pass\nelse:\n  continue\n"),
            "  File \"x.py\", line 4\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n");
  EXPECT_EQ(err("return 1\n"), "  File \"x.py\", line 1\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n");
  EXPECT_EQ(err("x = yield\n"), "  File \"x.py\", line 1\n    x = yield\n        ^^^^^\nSyntaxError: 'yield' outside function\n");
  EXPECT_EQ(err("a, *b, *c = d\n"),
            "  File \"x.py\", line 1\n    a, *b, *c = d\n    ^^^^^^^^^\nSyntaxError: multiple starred expressions in assignment\n");
  EXPECT_EQ(err("*a = b\n"),
            "  File \"x.py\", line 1\n    *a = b\n    ^^\nSyntaxError: starred assignment target must be in a list or tuple\n");
  EXPECT_EQ(err("x = *a\n"), "  File \"x.py\", line 1\n    x = *a\n        ^^\nSyntaxError: can't use starred expression here\n");
}

TEST(FrontCompiler, DisassembleListsNestedCode) {
  auto m = compile_ok("def f(x):\n  return x + 1\n");
  std::string dis = disassemble(*m);
  EXPECT_NE(dis.find("Disassembly of <code object f, file \"t.py\", line 1>:"), std::string::npos);
  EXPECT_NE(dis.find("BINARY_OP                0 (+)"), std::string::npos);
  EXPECT_NE(dis.find("LOAD_FAST                0 (x)"), std::string::npos);
}

TEST(FrontCompiler, LongSumCompilesIteratively) {
  // CPython 3.11 accepts 2998 BinOps under an assignment; one more is a
  // RecursionError (its symtable recurses once per node, limit 3000).
  std::string sum = "x = y";
  for (int i = 0; i < 2998; i++) sum += "+y";
  auto m = compile_ok(sum + "\n");
  ASSERT_TRUE(m);
  EXPECT_EQ(count(*m, Op::BINARY_OP), 2998);
  EXPECT_EQ(m->max_stack, 2);
  CompileResult r = compile_source(sum + "+y\n", "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error), "RecursionError: maximum recursion depth exceeded during compilation\n");
}

// -- Robustness ------------------------------------------------------------------------------

TEST(FrontCompiler, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "()[]{}:;,.=+-*/%<>!&|^~@'\"\\#\n\t abcdefxyz0123456789_fr\xc3\xa9\xff";
  for (int i = 0; i < 3000; i++) {
    std::string s;
    int len = static_cast<int>(rng() % 80);
    for (int k = 0; k < len; k++) {
      if (rng() % 8 == 0) s += static_cast<char>(rng() % 256);
      else s += alphabet[rng() % alphabet.size()];
    }
    CompileResult r = compile_source(s, "fuzz.py");
    EXPECT_TRUE(static_cast<bool>(r.code) != r.error.has_value());
    if (r.error) (void)format_syntax_error(*r.error);
    if (r.code) (void)disassemble(*r.code);
  }
}

TEST(FrontCompiler, GarbledProgramsNeverCrash) {
  const std::string program =
      "import os\nclass A(B):\n    def m(self, x=1, *a, k, **kw):\n        try:\n            with f(x) as y:\n"
      "                return [i for i in y if i]\n        except E as e:\n            raise X from e\n"
      "        finally:\n            del self.z\n        while x:\n            x -= 1\n            if x: break\n"
      "            else: continue\n        return f'{x!r:>{w}}' + (yield x)\n    async = 1\n"
      "def g():\n    nonlocal q\n    global r\n    lambda: (yield)\n";
  std::mt19937 rng(777);
  for (int i = 0; i < 3000; i++) {
    std::string s = program;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; k++) {
      size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s.erase(at, 1 + rng() % 3); break;
        case 1: s.insert(at, 1, "()[]{}:,'\"\n \t=*"[rng() % 16]); break;
        default: s[at] = static_cast<char>(rng() % 128); break;
      }
      if (s.empty()) s = "x";
    }
    CompileResult r = compile_source(s, "fuzz.py");
    EXPECT_TRUE(static_cast<bool>(r.code) != r.error.has_value());
    if (r.error) (void)format_syntax_error(*r.error);
    if (r.code) (void)disassemble(*r.code);
  }
}

}  // namespace
}  // namespace contrail::front
