// tests/unit/front_parser_test.cpp -- Parser: AST shape (precedence,
// associativity, displays, f-strings, targets) and CPython 3.11's syntax error
// messages and positions for common mistakes (checked against python3.11).
#include <gtest/gtest.h>

#include <string>

#include "src/front/front.h"
#include "src/front/parser.h"

namespace contrail::front {
namespace {

std::string dump(const Expr* e);

std::string dump_list(const std::vector<Expr*>& v) {
  std::string out;
  for (const Expr* e : v) out += (out.empty() ? "" : " ") + (e ? dump(e) : std::string("**"));
  return out;
}

std::string const_text(const ConstValue& v) {
  if (std::holds_alternative<NoneConst>(v.v)) return "None";
  if (const bool* b = std::get_if<bool>(&v.v)) return *b ? "True" : "False";
  if (const int64_t* i = std::get_if<int64_t>(&v.v)) return std::to_string(*i);
  if (const IntLiteral* l = std::get_if<IntLiteral>(&v.v)) return "big:" + l->digits;
  if (const double* d = std::get_if<double>(&v.v)) return "f" + std::to_string(*d);
  if (const std::string* s = std::get_if<std::string>(&v.v)) return "'" + *s + "'";
  if (std::holds_alternative<EllipsisConst>(v.v)) return "...";
  return "?";
}

// Compact prefix dump: (+ a b), (call f a b), ...
std::string dump(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Name: return e->name;
    case ExprKind::Constant: return const_text(e->value);
    case ExprKind::BinOp: return std::string("(") + runtime::binop_symbol(e->bin_op) + " " + dump(e->a) + " " + dump(e->b) + ")";
    case ExprKind::UnaryOp: {
      static const char* ops[] = {"~", "not", "+", "-"};
      return std::string("(") + ops[static_cast<int>(e->unary_op)] + " " + dump(e->a) + ")";
    }
    case ExprKind::BoolOp: return std::string("(") + (e->bool_op == BoolOpKind::And ? "and " : "or ") + dump_list(e->items) + ")";
    case ExprKind::Compare: {
      static const char* ops[] = {"<", "<=", "==", "!=", ">", ">=", "is", "is-not", "in", "not-in"};
      std::string out = "(cmp " + dump(e->a);
      for (size_t i = 0; i < e->items.size(); i++) out += std::string(" ") + ops[static_cast<int>(e->cmp_ops[i])] + " " + dump(e->items[i]);
      return out + ")";
    }
    case ExprKind::Call: {
      std::string out = "(call " + dump(e->a);
      if (!e->items.empty()) out += " " + dump_list(e->items);
      for (const Keyword& k : e->keywords) out += " " + (k.arg.empty() ? "**" : k.arg + "=") + dump(k.value);
      return out + ")";
    }
    case ExprKind::Attribute: return "(. " + dump(e->a) + " " + e->name + ")";
    case ExprKind::Subscript: return "([] " + dump(e->a) + " " + dump(e->b) + ")";
    case ExprKind::Slice:
      return "(slice " + (e->a ? dump(e->a) : "_") + " " + (e->b ? dump(e->b) : "_") + " " + (e->c ? dump(e->c) : "_") + ")";
    case ExprKind::Starred: return "(* " + dump(e->a) + ")";
    case ExprKind::Tuple: return "(tuple " + dump_list(e->items) + ")";
    case ExprKind::List: return "(list " + dump_list(e->items) + ")";
    case ExprKind::Set: return "(set " + dump_list(e->items) + ")";
    case ExprKind::Dict: return "(dict " + dump_list(e->items) + " : " + dump_list(e->values) + ")";
    case ExprKind::IfExp: return "(if " + dump(e->a) + " " + dump(e->b) + " " + dump(e->c) + ")";
    case ExprKind::Lambda: return "(lambda " + dump(e->a) + ")";
    case ExprKind::NamedExpr: return "(:= " + dump(e->a) + " " + dump(e->b) + ")";
    case ExprKind::Yield: return "(yield" + (e->a ? " " + dump(e->a) : "") + ")";
    case ExprKind::YieldFrom: return "(yield-from " + dump(e->a) + ")";
    case ExprKind::JoinedStr: return "(fstr " + dump_list(e->items) + ")";
    case ExprKind::FormattedValue: {
      std::string out = "(fmt " + dump(e->a);
      if (e->conversion >= 0) out += std::string(" !") + static_cast<char>(e->conversion);
      if (e->b) out += " " + dump(e->b);
      return out + ")";
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::DictComp: {
      std::string out = std::string("(") + (e->kind == ExprKind::ListComp ? "listcomp " : e->kind == ExprKind::SetComp ? "setcomp " : e->kind == ExprKind::DictComp ? "dictcomp " : "genexp ") + dump(e->a);
      if (e->b) out += " " + dump(e->b);
      for (const Comprehension& g : e->generators) {
        out += " for " + dump(g.target) + " in " + dump(g.iter);
        for (const Expr* c : g.ifs) out += " if " + dump(c);
      }
      return out + ")";
    }
  }
  return "?";
}

// Dumps the expression of the single expression statement in [source].
std::string expr_of(const std::string& source) {
  std::string text = source + "\n";
  SourceText src(text, "t.py");
  Module mod;
  try {
    parse_module(src, mod);
  } catch (const CompileError& e) {
    return "error: " + e.info.message;
  }
  EXPECT_EQ(mod.body.size(), 1u);
  if (mod.body.empty()) return "";
  Stmt* s = mod.body[0];
  if (s->kind == StmtKind::Assign) return dump_list(s->targets) + " = " + dump(s->value);
  EXPECT_EQ(s->kind, StmtKind::ExprStmt);
  return dump(s->value);
}

std::string err(const std::string& source) {
  CompileResult r = compile_source(source, "x.py");
  return r.error ? format_syntax_error(*r.error) : "OK";
}

TEST(FrontParser, Precedence) {
  EXPECT_EQ(expr_of("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(expr_of("a | b ^ c & d << e + f * g ** h"), "(| a (^ b (& c (<< d (+ e (* f (** g h)))))))");
  EXPECT_EQ(expr_of("-x ** 2"), "(- (** x 2))");
  EXPECT_EQ(expr_of("not a == b and c or d"), "(or (and (not (cmp a == b)) c) d)");
  EXPECT_EQ(expr_of("a if b else c if d else e"), "(if b a (if d c e))");
  EXPECT_EQ(expr_of("lambda: a or b"), "(lambda (or a b))");
}

TEST(FrontParser, Associativity) {
  EXPECT_EQ(expr_of("a - b - c"), "(- (- a b) c)");
  EXPECT_EQ(expr_of("a / b * c // d % e @ f"), "(@ (% (// (* (/ a b) c) d) e) f)");
  EXPECT_EQ(expr_of("a ** b ** c"), "(** a (** b c))");
  EXPECT_EQ(expr_of("2 ** -1"), "(** 2 (- 1))");
  EXPECT_EQ(expr_of("a and b and c"), "(and a b c)");
}

TEST(FrontParser, Comparisons) {
  EXPECT_EQ(expr_of("a < b <= c"), "(cmp a < b <= c)");
  EXPECT_EQ(expr_of("a not in b is not c in d is e"), "(cmp a not-in b is-not c in d is e)");
}

TEST(FrontParser, CallsAttributesSubscripts) {
  EXPECT_EQ(expr_of("f(a, *b, c=1, **d)"), "(call f a (* b) c=1 **d)");
  EXPECT_EQ(expr_of("a.b(c)[d].e"), "(. ([] (call (. a b) c) d) e)");
  EXPECT_EQ(expr_of("x[1:2, ::3, ...]"), "([] x (tuple (slice 1 2 _) (slice _ _ 3) ...))");
  EXPECT_EQ(expr_of("x[a]"), "([] x a)");
  EXPECT_EQ(expr_of("f(x for x in y)"), "(call f (genexp x for x in y))");
}

TEST(FrontParser, Displays) {
  EXPECT_EQ(expr_of("(1, *a, 2)"), "(tuple 1 (* a) 2)");
  EXPECT_EQ(expr_of("[]"), "(list )");
  EXPECT_EQ(expr_of("(x,)"), "(tuple x)");
  EXPECT_EQ(expr_of("{1: 2, **m}"), "(dict 1 ** : 2 m)");
  EXPECT_EQ(expr_of("{1, *s}"), "(set 1 (* s))");
  EXPECT_EQ(expr_of("[x for x in y if x for z in x]"), "(listcomp x for x in y if x for z in x)");
  EXPECT_EQ(expr_of("{k: v for k, v in d}"), "(dictcomp k v for (tuple k v) in d)");
  EXPECT_EQ(expr_of("(y := 5)"), "(:= y 5)");
}

TEST(FrontParser, Literals) {
  EXPECT_EQ(expr_of("0x10 + 0o10 + 0b10 + 1_000"), "(+ (+ (+ 16 8) 2) 1000)");
  EXPECT_EQ(expr_of("123456789012345678901234567890"), "big:123456789012345678901234567890");
  EXPECT_EQ(expr_of("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(expr_of("'a' \"b\" '''c'''"), "'abc'");
  EXPECT_EQ(expr_of("'\\x41\\u00e9\\n\\101\\\\'"), "'A\xc3\xa9\nA\\'");
  EXPECT_EQ(expr_of("r'\\n'"), "'\\n'");
}

TEST(FrontParser, FStrings) {
  EXPECT_EQ(expr_of("f'a{b}c'"), "(fstr 'a' (fmt b) 'c')");
  EXPECT_EQ(expr_of("f'{x!r:>{w}}'"), "(fstr (fmt x !r (fstr '>' (fmt w))))");
  EXPECT_EQ(expr_of("f'{{}}{x=}'"), "(fstr '{}x=' (fmt x !r))");
  EXPECT_EQ(expr_of("f'{x = :>3}'"), "(fstr 'x = ' (fmt x (fstr '>3')))");
  EXPECT_EQ(expr_of("f'{x=!s}'"), "(fstr 'x=' (fmt x !s))");
  EXPECT_EQ(expr_of("'a' f'{b}' 'c'"), "(fstr 'a' (fmt b) 'c')");
  EXPECT_EQ(expr_of("f'{a[\"k\"]}{f\"{b}\"}'"), "(fstr (fmt ([] a 'k')) (fmt (fstr (fmt b))))");
  EXPECT_EQ(expr_of("f'{a!=b}'"), "(fstr (fmt (cmp a != b)))");
  EXPECT_EQ(expr_of("f''"), "(fstr )");
}

TEST(FrontParser, FStringErrors) {
  EXPECT_EQ(err("f\"{}\"\n"), "  File \"x.py\", line 1\n    f\"{}\"\n         ^\nSyntaxError: f-string: empty expression not allowed\n");
  EXPECT_EQ(err("f\"}\"\n"), "  File \"x.py\", line 1\n    f\"}\"\n        ^\nSyntaxError: f-string: single '}' is not allowed\n");
  EXPECT_EQ(err("x = f\"{a b}\"\n"),
            "  File \"x.py\", line 1\n    (a b)\n     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n");
  EXPECT_EQ(err("x = f\"{a!}\"\n"),
            "  File \"x.py\", line 1\n    x = f\"{a!}\"\n               ^\n"
            "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n");
}

TEST(FrontParser, Targets) {
  EXPECT_EQ(expr_of("a, (b, *c), d[0], e.f = g"), "(tuple a (tuple b (* c)) ([] d 0) (. e f)) = g");
  EXPECT_EQ(expr_of("a = b = c"), "a b = c");
}

TEST(FrontParser, CommonMistakes) {
  EXPECT_EQ(err("if x\n  pass\n"), "  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n");
  EXPECT_EQ(err("f(a b)\n"),
            "  File \"x.py\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
  EXPECT_EQ(err("1 = x\n"),
            "  File \"x.py\", line 1\n    1 = x\n    ^\n"
            "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
  EXPECT_EQ(err("x = f() = 1\n"), "  File \"x.py\", line 1\n    x = f() = 1\n        ^^^\nSyntaxError: cannot assign to function call\n");
  EXPECT_EQ(err("[1] = x\n"), "  File \"x.py\", line 1\n    [1] = x\n     ^\nSyntaxError: cannot assign to literal\n");
  EXPECT_EQ(err("try:\n  pass\nx=1\n"),
            "  File \"x.py\", line 3\n    x=1\n    ^\nSyntaxError: expected 'except' or 'finally' block\n");
  EXPECT_EQ(err("x = $\n"), "  File \"x.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n");
  EXPECT_EQ(err("if x = 1:\n  pass\n"),
            "  File \"x.py\", line 1\n    if x = 1:\n       ^^^^^\n"
            "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
  EXPECT_EQ(err("print \"hi\"\n"),
            "  File \"x.py\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\n"
            "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
  EXPECT_EQ(err("f(x=1, 2)\n"),
            "  File \"x.py\", line 1\n    f(x=1, 2)\n            ^\nSyntaxError: positional argument follows keyword argument\n");
  EXPECT_EQ(err("def f(a=1, b):\n  pass\n"),
            "  File \"x.py\", line 1\n    def f(a=1, b):\n               ^\n"
            "SyntaxError: non-default argument follows default argument\n");
  EXPECT_EQ(err("(a, b) += 1\n"),
            "  File \"x.py\", line 1\n    (a, b) += 1\n    ^^^^^^\n"
            "SyntaxError: 'tuple' is an illegal expression for augmented assignment\n");
  EXPECT_EQ(err("del f()\n"), "  File \"x.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n");
  EXPECT_EQ(err("for x + 1 in y: pass\n"),
            "  File \"x.py\", line 1\n    for x + 1 in y: pass\n        ^^^^^\nSyntaxError: cannot assign to expression\n");
  EXPECT_EQ(err("x = [1, 2\ny = 3\n"), "  File \"x.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n");
  EXPECT_EQ(err("a = 1 +* 2\ns = \"abc\n"),
            "  File \"x.py\", line 2\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n");
  EXPECT_EQ(err("x = 1 +\n"), "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n");
}

TEST(FrontParser, DeepNestingFailsCleanly) {
  std::string parens = std::string(100000, '(') + std::string(100000, ')') + "\n";
  CompileResult r = compile_source(parens, "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "too many nested parentheses");
  EXPECT_EQ(r.error->col, 201);

  std::string minus = std::string(100000, '-') + "1\n";
  r = compile_source(minus, "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error), "MemoryError\n");

  std::string lambdas;
  for (int i = 0; i < 5000; i++) lambdas += "lambda: ";
  r = compile_source(lambdas + "0\n", "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, "MemoryError");
}

TEST(FrontParser, LongFlatExpressionParses) {
  std::string sum = "x = 1";
  for (int i = 0; i < 200000; i++) sum += "+1";
  CompileResult r = compile_source(sum + "\n", "x.py");
  // Parses in constant stack; like CPython 3.11, the deep tree is then a
  // RecursionError at compile time (not a crash).
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->kind, "RecursionError");
  std::string list = "x = [";
  for (int i = 0; i < 200000; i++) list += "1,";
  r = compile_source(list + "]\n", "x.py");
  EXPECT_FALSE(r.error);
  if (r.code) {
    EXPECT_LT(r.code->max_stack, 10);
  }
}

TEST(FrontParser, AttributeChainTooDeepIsRecursionError) {
  std::string chain = "x";
  for (int i = 0; i < 100000; i++) chain += ".a";
  CompileResult r = compile_source(chain + "\n", "x.py");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(format_syntax_error(*r.error), "RecursionError: maximum recursion depth exceeded during compilation\n");
}

}  // namespace
}  // namespace contrail::front
