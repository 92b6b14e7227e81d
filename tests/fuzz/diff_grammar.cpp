// tests/fuzz/diff_grammar.cpp -- Fuzzer bytes to a Python program (see diff_grammar.h).
//
// The grammar covers the subset the VM runs today: ints (small, around the
// 48-bit small-int boundary, 64-bit edges and big), floats (signed zeros, inf,
// nan, subnormals), strs, lists, dicts, tuples, arithmetic, comparisons,
// if/while/for over range and containers, functions with calls, closures with
// nonlocal, list and dict comprehensions, try/except/else/finally, raise,
// assert, and printing. Every byte is a choice; 0 is always the "smallest"
// choice, and a block ends when its length choice says so or the bytes run out.
//
// -- Bounded growth --------------------------------------------------------
// Two correct runs must finish in milliseconds, so every program is bounded:
//  - Fuel: `F = [kFuel]`; every loop iteration and every call of a generated
//    function spends one unit, and an empty tank breaks the loop or returns 0.
//  - Typed variable pools: n* hold numbers (int, float, bool), s* strs, l*
//    lists, d* dicts, t* tuples. Assignments keep those types or raise; values
//    of unknown type (list items, call results, loop variables over
//    containers, exceptions) enter a number context only as `+(x)`, which is a
//    number or a TypeError, and a str context only as `str(x)[:24]`.
//  - Numbers grow by at most ~70 bits per operation: `*` has a literal
//    multiplier, `<<` a literal count, `**` a literal base or an exponent in
//    {0, 1, -1}.
//  - Containers are built from flat scalars (numbers, strs, None, bools) or
//    copied from other containers; strs are truncated to 40 characters and
//    lists to 12 items when assigned, and every in-place growth is guarded by
//    a length check. Only "nest" statements put a container inside a
//    container (self-references included), and they run at most kMaxNests
//    times: module level, outside loops, conditionals and functions.
//  - Comprehensions do not nest and run over at most 9 items.
// Object addresses never reach the output: functions are called, never printed.
#include "tests/fuzz/diff_grammar.h"

#include <string>
#include <vector>

namespace contrail::fuzz {
namespace {

// -- Limits ------------------------------------------------------------------
constexpr int kFuel = 300;
constexpr int kMaxExprDepth = 3;
constexpr int kMaxBlockDepth = 4;
constexpr int kMaxBlockLen = 6;
constexpr int kMaxStatements = 160;
constexpr int kMaxFunctions = 4;
constexpr int kMaxNests = 3;

// -- Literal tables ------------------------------------------------------------
// Negative literals are parenthesised so that they can stand anywhere.
const char* const kNumLits[] = {
    "0", "1", "2", "3", "7", "10", "(-1)", "(-7)", "255", "65536", "140737488355327", "140737488355328",
    "(-140737488355328)", "(-140737488355329)", "281474976710655", "281474976710656", "9223372036854775807",
    "9223372036854775808", "(-9223372036854775808)", "18446744073709551616", "123456789012345678901234567890",
    "(-99999999999999999999999)", "0x7fffffffffffffff", "0b1011", "0o777", "1_000_000", "0.0", "(-0.0)", "0.5",
    "1.5", "(-2.25)", "1e16", "1e308", "1e-308", "5e-324", "3.141592653589793", "float('inf')", "float('-inf')",
    "float('nan')", "True", "False", "2.5", "0.1", "(10 ** 20)", "(2 ** 64 - 1)", "(-2 ** 63)", "4503599627370497",
};
const char* const kMulLits[] = {"2", "3", "(-1)", "0", "7", "65536", "4294967296", "18446744073709551616",
                                "0.5", "(-1.5)", "1e200", "True", "(-140737488355328)"};
const char* const kPowLits[] = {"2 ** 100", "(-3) ** 5", "10 ** 30", "2 ** (-2)", "0 ** 0", "7 ** 0.5",
                                "2.0 ** 1024", "0 ** (-1)", "1.5 ** 300", "2 ** 62", "2 ** 47", "(-2) ** 63",
                                "3 ** 40", "(-1) ** 1000001", "2 ** 48 - 1", "10.0 ** (-400)"};
const char* const kStrLits[] = {"''", "'a'", "'abc'", "'Hello, World'", "'h\\u00e9llo'", "'\\u65e5\\u672c'",
                                "'\\U0001f600'", "'\\n\\t'", "'\\x00z'", "'a,b,,c'", "'  pad  '", "'42'", "'-7'",
                                "'3.5'", "'1e3'", "'%s'", "'{}'", "'AbC dEf'", "'inf'", "'nan'", "'0x1f'",
                                "' 12 '", "'1_000'", "'\\\\'", "'\"q\"'"};
const char* const kKeyLits[] = {"0", "1", "2", "(-1)", "'a'", "'b'", "'k'", "(1, 2)", "0.5", "True", "None",
                                "''", "2 ** 70", "1.0", "(-0.0)", "'\\u00e9'"};
const char* const kSpecs[] = {"", ">8", "<6", "^7", "+", ".3", ".2f", "e", "x", "08.3f", ",", "_", "%",
                              "10.4g", "#x", "b", "*^9", "-"};
const char* const kExcSpecs[] = {"Exception", "ZeroDivisionError", "(ValueError, TypeError)", "ArithmeticError",
                                 "LookupError", "IndexError", "KeyError", "RecursionError", "OverflowError",
                                 "AssertionError", "(TypeError, KeyError, IndexError)", "BaseException",
                                 "NameError", "MemoryError"};
const char* const kStrMethods[] = {".upper()", ".lower()", ".strip()", ".title()", ".swapcase()",
                                   ".lstrip('a')", ".rstrip()", ".capitalize()", ".replace('a', 'xy')",
                                   ".replace('', '-')", ".ljust(9, '.')", ".zfill(6)", ".center(11)",
                                   ".expandtabs(3)"};
const char* const kNumVars[] = {"n0", "n1", "n2", "n3"};
const char* const kStrVars[] = {"s0", "s1"};
const char* const kListVars[] = {"l0", "l1"};
const char* const kDictVars[] = {"d0", "d1"};
const char* const kTupleVars[] = {"t0"};

// Choices read from the fuzzer's bytes; past the end every choice is 0.
class ByteSource {
 public:
  ByteSource(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  unsigned byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  // A choice in [0, n) for n <= 256.
  unsigned below(unsigned n) { return n <= 1 ? 0 : byte() % n; }
  bool empty() const { return pos_ >= size_; }
  size_t size() const { return size_; }
  template <size_t N>
  const char* pick(const char* const (&table)[N]) {
    return table[below(N)];
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

enum class Ty : uint8_t { NUM, STR, LIST };

// A generated top-level function: name and parameter types.
struct Func {
  std::string name;
  std::vector<Ty> params;
  bool factory = false;  // may return a closure: its result must never be printed (address)
};

// Where a statement is being generated. Copied into nested blocks, so names
// introduced inside a block stay inside it.
struct Scope {
  bool in_function = false;
  bool straight = true;  // module level, runs at most once (no loop, if, try, def around it)
  int loop_depth = 0;
  int block_depth = 0;
  std::vector<std::string> nums;      // extra number names: range loop variables, parameters
  std::vector<std::string> strs;      // loop variables over strs
  std::vector<std::string> anys;      // loop variables over containers, exception names
  std::vector<std::string> closures;  // number -> number closures defined so far
};

std::string paren(const std::string& s) { return "(" + s + ")"; }

class Gen {
 public:
  explicit Gen(ByteSource& in) : in_(in) {}
  std::string program();

 private:
  // -- expressions (depth [d] counts down to leaves)
  std::string num(const Scope& s, int d);
  std::string num_leaf(const Scope& s);
  std::string num_call(const Scope& s, int d);
  std::string num_more(const Scope& s, int d);
  std::string str(const Scope& s, int d);
  std::string str_leaf(const Scope& s);
  std::string str_more(const Scope& s, int d);
  std::string list(const Scope& s, int d);
  std::string comprehension(const Scope& s);
  std::string dict(const Scope& s, int d);
  std::string tuple(const Scope& s, int d);
  std::string scalar(const Scope& s, int d);
  std::string any(const Scope& s, int d);
  std::string cond(const Scope& s, int d);
  std::string key(const Scope& s, int d);
  std::string of(Ty t, const Scope& s, int d);
  std::string call_args(const Func& f, const Scope& s);
  std::string opaque_str(const std::string& x) { return "str(" + x + ")[:24]"; }
  std::string fresh(const char* prefix) { return prefix + std::to_string(uid_++); }

  // -- statements
  void block(Scope s, int indent);
  void statement(Scope& s, int indent);
  bool compound(Scope& s, int indent);
  void simple(Scope& s, int indent);
  void assign(Scope& s, int indent);
  void mutate_list(Scope& s, int indent);
  void mutate_dict(Scope& s, int indent);
  void print_stmt(Scope& s, int indent);
  void if_stmt(Scope& s, int indent);
  void for_stmt(Scope& s, int indent);
  void while_stmt(Scope& s, int indent);
  void try_stmt(Scope& s, int indent);
  void def_function(Scope& s, int indent);
  void def_closure(Scope& s, int indent);
  void nest(int indent);
  void raise_stmt(Scope& s, int indent);
  void fuel_check(int indent, const char* on_empty);
  void init_pools(int indent, const std::vector<Ty>& params);
  std::string literal_list();
  void line(int indent, const std::string& text) { out_ += std::string(indent * 4, ' ') + text + "\n"; }

  ByteSource& in_;
  std::string out_;
  std::vector<Func> funcs_;
  bool have_rec_ = false;
  bool factory_ = false;  // the function being generated lets a closure escape
  int statements_ = 0;
  int nests_ = 0;
  int uid_ = 0;
};

// -- Numbers -------------------------------------------------------------------

std::string Gen::num_leaf(const Scope& s) {
  switch (in_.below(6)) {
    case 0: return in_.pick(kNumVars);
    case 1: return in_.pick(kNumLits);
    case 2: return s.nums.empty() ? in_.pick(kNumVars) : s.nums[in_.below(s.nums.size())];
    case 3: return "len(" + std::string(in_.pick(kListVars)) + ")";
    case 4: {
      int v = static_cast<int>(in_.byte()) - 128;
      return v < 0 ? paren(std::to_string(v)) : std::to_string(v);
    }
    default: return in_.pick(kNumVars);
  }
}

std::string Gen::num(const Scope& s, int d) {
  if (d <= 0) return num_leaf(s);
  auto a = [&] { return num(s, d - 1); };
  switch (in_.below(16)) {
    case 0: return num_leaf(s);
    case 1: return paren(a() + " + " + a());
    case 2: return paren(a() + " - " + a());
    case 3: return paren("+" + paren(a()) + " * " + in_.pick(kMulLits));
    case 4: return paren(a() + " / " + a());
    case 5: return paren(a() + " // " + a());
    case 6: return paren(a() + " % " + a());
    case 7: {
      static const char* const kExps[] = {"0", "1", "(-1)"};
      return in_.below(2) ? paren(in_.pick(kPowLits)) : paren("+" + paren(a()) + " ** " + in_.pick(kExps));
    }
    case 8: {
      static const char* const kBitOps[] = {" & ", " | ", " ^ "};
      return paren(a() + in_.pick(kBitOps) + a());
    }
    case 9: return paren(a() + " << " + std::to_string(in_.below(70)));
    case 10: return paren(a() + " >> " + a());
    case 11: {
      static const char* const kUnary[] = {"(-%)", "(~%)", "abs(%)", "int(%)", "float(%)", "round(%)",
                                           "(not %)", "bool(%)"};
      std::string f = in_.pick(kUnary);
      return f.replace(f.find('%'), 1, a());
    }
    case 12: return (in_.below(2) ? "min(" : "max(") + a() + ", " + a() + ")";
    case 13: return paren(a() + " if " + cond(s, d - 1) + " else " + a());
    case 14: return num_call(s, d);
    default: return num_more(s, d);
  }
}

// Calls that produce numbers: generated functions, closures, h0/h1, recursion.
std::string Gen::num_call(const Scope& s, int d) {
  unsigned k = in_.below(4);
  if (k == 0 && !funcs_.empty()) {
    const Func& f = funcs_[in_.below(funcs_.size())];
    return "+" + paren(f.name + "(" + call_args(f, s) + ")");
  }
  if (k == 1 && !s.closures.empty()) return s.closures[in_.below(s.closures.size())] + "(" + num(s, d - 1) + ")";
  if (k == 2 && have_rec_) return "r0(" + num(s, d - 1) + ")";
  return "+" + paren(std::string(in_.below(2) ? "h0" : "h1") + "(" + num(s, d - 1) + ")");
}

std::string Gen::num_more(const Scope& s, int d) {
  auto a = [&] { return num(s, d - 1); };
  switch (in_.below(10)) {
    case 0: return "+" + paren(std::string(in_.pick(kListVars)) + "[" + a() + "]");
    case 1: return "+" + paren(std::string(in_.pick(kTupleVars)) + "[" + a() + "]");
    case 2: return "+" + paren(std::string(in_.pick(kDictVars)) + ".get(" + key(s, d - 1) + ", " + a() + ")");
    case 3: return "sum([" + a() + " for c" + std::to_string(uid_++) + " in range(" + std::to_string(in_.below(7)) +
                   ")])";
    case 4: return "pow(" + a() + ", " + a() + ", " + in_.pick(kMulLits) + ")";
    case 5: return "int(" + str(s, d - 1) + ")";
    case 6: return "float(" + str(s, d - 1) + ")";
    case 7: return paren(str(s, d - 1) + (in_.below(2) ? ".find(" : ".count(") + str(s, d - 1) + ")");
    case 8: return "round(" + a() + ", " + std::to_string(static_cast<int>(in_.below(9)) - 4) + ")";
    default: return paren(cond(s, d - 1) + " + " + a());
  }
}

// -- Strings -------------------------------------------------------------------

std::string Gen::str_leaf(const Scope& s) {
  unsigned k = in_.below(4);
  if (k == 0) return in_.pick(kStrLits);
  if (k == 1 && !s.strs.empty()) return s.strs[in_.below(s.strs.size())];
  return in_.pick(kStrVars);
}

std::string Gen::str(const Scope& s, int d) {
  if (d <= 0) return str_leaf(s);
  auto a = [&] { return str(s, d - 1); };
  switch (in_.below(12)) {
    case 0: return str_leaf(s);
    case 1: return paren(a() + " + " + a());
    case 2: return paren(a() + " * " + std::to_string(in_.below(4)));
    case 3: return a() + "[" + num(s, d - 1) + ":" + num(s, d - 1) + "]";
    case 4: {
      static const char* const kSlices[] = {"[::-1]", "[1:]", "[:-1]", "[::2]", "[-3:]"};
      return a() + in_.pick(kSlices);
    }
    case 5: return a() + "[" + num(s, d - 1) + "]";
    case 6: return opaque_str(any(s, d - 1));
    case 7: return "repr(" + any(s, d - 1) + ")[:24]";
    case 8: return paren(a()) + in_.pick(kStrMethods);
    case 9: return paren(a() + " if " + cond(s, d - 1) + " else " + a());
    default: return str_more(s, d);
  }
}

std::string Gen::str_more(const Scope& s, int d) {
  // f-string replacement fields hold plain names only: 3.11 forbids quotes
  // and backslashes there, and names need neither.
  auto name = [&] {
    unsigned k = in_.below(3);
    if (k == 0 && !s.anys.empty()) return s.anys[in_.below(s.anys.size())];
    if (k == 1 && !s.nums.empty()) return s.nums[in_.below(s.nums.size())];
    return std::string(k == 2 ? in_.pick(kStrVars) : in_.pick(kNumVars));
  };
  switch (in_.below(8)) {
    case 0: return "f\"{" + name() + ":" + in_.pick(kSpecs) + "}|{" + name() + "!r}\"[:40]";
    case 1: return "('%s|%r' % (" + opaque_str(any(s, d - 1)) + ", " + num(s, d - 1) + "))";
    case 2: {
      static const char* const kFmts[] = {"'%d'", "'%5.2f'", "'%x'", "'%e'", "'%-6d|'", "'%+g'"};
      return paren(std::string(in_.pick(kFmts)) + " % " + num(s, d - 1));
    }
    case 3: return "'{}:{}'.format(" + num(s, d - 1) + ", " + str(s, d - 1) + ")";
    case 4: {
      static const char* const kConv[] = {"chr(%)", "hex(%)", "bin(%)", "oct(%)", "str(%)", "ascii(%)"};
      std::string f = in_.pick(kConv);
      return f.replace(f.find('%'), 1, num(s, d - 1));
    }
    case 5: return "','.join(" + str(s, d - 1) + ")[:40]";
    case 6: return "'-'.join([" + opaque_str("c") + " for c in " + list(s, d - 1) + "])[:40]";
    default: return "str(" + num(s, d - 1) + ")";
  }
}

// -- Containers ----------------------------------------------------------------

std::string Gen::scalar(const Scope& s, int d) {
  switch (in_.below(6)) {
    case 0: case 1: case 2: return num(s, d);
    case 3: case 4: return str(s, d);
    default: return in_.below(2) ? "None" : cond(s, d);
  }
}

std::string Gen::list(const Scope& s, int d) {
  if (d <= 0 || in_.below(4) == 0) {
    if (in_.below(3)) return in_.pick(kListVars);
    std::string items;
    for (unsigned i = 0, n = in_.below(5); i < n; i++) items += (i ? ", " : "") + scalar(s, d - 1);
    return "[" + items + "]";
  }
  auto a = [&] { return list(s, d - 1); };
  switch (in_.below(11)) {
    case 0: return paren(a() + " + " + a());
    case 1: return paren(a() + " * " + std::to_string(in_.below(4)));
    case 2: return a() + "[" + num(s, d - 1) + ":" + num(s, d - 1) + "]";
    case 3: return a() + "[::-1]";
    case 4: {
      static const char* const kSorts[] = {"sorted(%)", "sorted(%, reverse=True)", "sorted(%, key=repr)",
                                           "sorted(%, key=lambda v: -v)", "list(reversed(%))"};
      std::string f = in_.pick(kSorts);
      return f.replace(f.find('%'), 1, a());
    }
    case 5: return "list(" + str(s, d - 1) + ")";
    case 6: return "list(range(" + num(s, d - 1) + " % 10))";
    case 7:
      return "list(" + (in_.below(2) ? tuple(s, d - 1) : dict(s, d - 1) + (in_.below(2) ? ".values()" : "")) +
             ")";
    case 8: return paren(str(s, d - 1)) + (in_.below(2) ? ".split()" : ".split(',')");
    case 9: return "[" + scalar(s, d - 1) + "] * (" + num(s, d - 1) + " % 7)";
    default: return comprehension(s);
  }
}

// [scalar for c in iterable if cond]: iterables of at most 9 items (lists may
// hold 48, but the element is cheap), no nested comprehension.
std::string Gen::comprehension(const Scope& s) {
  Scope inner = s;
  std::string var = fresh("c");
  std::string iter;
  switch (in_.below(4)) {
    case 0: iter = "range(" + std::to_string(in_.below(10)) + ")"; inner.nums.push_back(var); break;
    case 1: iter = in_.pick(kStrVars); inner.strs.push_back(var); break;
    case 2: iter = in_.pick(kTupleVars); inner.anys.push_back(var); break;
    default: iter = in_.pick(kListVars); inner.anys.push_back(var); break;
  }
  std::string elem = scalar(inner, 1);
  std::string filter = in_.below(2) ? " if " + cond(inner, 1) : "";
  return "[" + elem + " for " + var + " in " + iter + filter + "]";
}

std::string Gen::dict(const Scope& s, int d) {
  if (d <= 0 || in_.below(3) == 0) {
    if (in_.below(3)) return in_.pick(kDictVars);
    std::string items;
    for (unsigned i = 0, n = in_.below(4); i < n; i++) items += (i ? ", " : "") + key(s, 0) + ": " + scalar(s, d - 1);
    return "{" + items + "}";
  }
  switch (in_.below(3)) {
    case 0: return "dict(" + dict(s, d - 1) + ")";
    case 1: {
      Scope inner = s;
      std::string var = fresh("c");
      inner.nums.push_back(var);
      return "{" + var + ": " + scalar(inner, 1) + " for " + var + " in range(" + std::to_string(in_.below(10)) + ")}";
    }
    default: return paren(dict(s, d - 1) + " if " + cond(s, d - 1) + " else " + dict(s, d - 1));
  }
}

std::string Gen::tuple(const Scope& s, int d) {
  if (d <= 0 || in_.below(3) == 0) {
    if (in_.below(2)) return in_.pick(kTupleVars);
    std::string items;
    unsigned n = in_.below(4);
    for (unsigned i = 0; i < n; i++) items += (i ? ", " : "") + scalar(s, d - 1);
    return "(" + items + (n == 1 ? ",)" : ")");
  }
  switch (in_.below(5)) {
    case 0: return "tuple(" + str(s, d - 1) + ")";
    case 1: return "tuple(range(" + std::to_string(in_.below(10)) + "))";
    case 2: return paren(tuple(s, d - 1) + " + " + tuple(s, d - 1));
    case 3: return tuple(s, d - 1) + "[" + num(s, d - 1) + ":]";
    default: return "divmod(" + num(s, d - 1) + ", " + num(s, d - 1) + ")";
  }
}

// A hashable key from a small domain, so dicts stay small.
std::string Gen::key(const Scope& s, int d) {
  if (d > 0 && in_.below(4) == 0) return paren(num(s, d - 1) + " % 5");
  return in_.pick(kKeyLits);
}

std::string Gen::of(Ty t, const Scope& s, int d) {
  switch (t) {
    case Ty::NUM: return num(s, d);
    case Ty::STR: return str(s, d);
    default: return list(s, d);
  }
}

// Any value: containers appear whole here (printing them is the point).
std::string Gen::any(const Scope& s, int d) {
  switch (in_.below(12)) {
    case 0: case 1: return num(s, d);
    case 2: case 3: return str(s, d);
    case 4: return list(s, d);
    case 5: return dict(s, d);
    case 6: return tuple(s, d);
    case 7: return cond(s, d);
    case 8: return s.anys.empty() ? "None" : s.anys[in_.below(s.anys.size())];
    case 9: {
      static const char* const kPicks[] = {"%[0]", "%[-1]", "min(%)", "max(%)", "sorted(%)"};
      std::string f = in_.pick(kPicks);
      return f.replace(f.find('%'), 1, in_.below(2) ? list(s, d - 1) : tuple(s, d - 1));
    }
    case 10:
      return std::string(in_.pick(kDictVars)) +
             (in_.below(2) ? "[" + key(s, d - 1) + "]" : ".get(" + key(s, d - 1) + ")");
    default: {
      // Only functions that never return a closure: printing one shows its address.
      if (funcs_.empty()) return "None";
      const Func& f = funcs_[in_.below(funcs_.size())];
      if (f.factory) return opaque_str(f.name + "(" + call_args(f, s) + ")");
      return f.name + "(" + call_args(f, s) + ")";
    }
  }
}

std::string Gen::cond(const Scope& s, int d) {
  if (d <= 0) return in_.below(2) ? "True" : num_leaf(s) + " > 0";
  static const char* const kCmps[] = {" < ", " <= ", " == ", " != ", " > ", " >= "};
  switch (in_.below(9)) {
    case 0: return paren(num(s, d - 1) + in_.pick(kCmps) + num(s, d - 1));
    case 1: return paren(str(s, d - 1) + in_.pick(kCmps) + str(s, d - 1));
    case 2: return paren(any(s, d - 1) + (in_.below(2) ? " == " : " != ") + any(s, d - 1));
    case 3: return paren(scalar(s, d - 1) + (in_.below(2) ? " in " : " not in ") + list(s, d - 1));
    case 4: return paren(key(s, d - 1) + " in " + dict(s, d - 1));
    case 5: return paren("not " + cond(s, d - 1));
    case 6: return paren(cond(s, d - 1) + (in_.below(2) ? " and " : " or ") + cond(s, d - 1));
    case 7: return paren(num(s, d - 1) + " < " + num(s, d - 1) + " <= " + num(s, d - 1));
    default: {
      static const char* const kTypes[] = {"int", "float", "str", "list", "dict", "tuple", "bool"};
      return "isinstance(" + any(s, d - 1) + ", " + in_.pick(kTypes) + ")";
    }
  }
}

std::string Gen::call_args(const Func& f, const Scope& s) {
  std::string args;
  for (size_t i = 0; i < f.params.size(); i++) args += (i ? ", " : "") + of(f.params[i], s, 1);
  return args;
}

// -- Statements ----------------------------------------------------------------

void Gen::fuel_check(int indent, const char* on_empty) {
  line(indent, "if F[0] <= 0:");
  line(indent + 1, on_empty);
  line(indent, "F[0] -= 1");
}

void Gen::block(Scope s, int indent) {
  s.block_depth++;
  unsigned n = 1 + in_.below(kMaxBlockLen);
  for (unsigned i = 0; i < n; i++) {
    if (statements_ >= kMaxStatements || (i > 0 && in_.empty())) break;
    statement(s, indent);
  }
}

void Gen::statement(Scope& s, int indent) {
  statements_++;
  if (statements_ >= kMaxStatements) return print_stmt(s, indent);
  if (in_.below(4) == 0 && s.block_depth < kMaxBlockDepth && compound(s, indent)) return;
  simple(s, indent);
}

bool Gen::compound(Scope& s, int indent) {
  switch (in_.below(8)) {
    case 0: case 1: if_stmt(s, indent); return true;
    case 2: case 3: for_stmt(s, indent); return true;
    case 4: while_stmt(s, indent); return true;
    case 5: try_stmt(s, indent); return true;
    case 6:
      if (!s.straight || funcs_.size() >= kMaxFunctions) return false;
      def_function(s, indent);
      return true;
    default:
      if (!s.in_function) return false;
      def_closure(s, indent);
      return true;
  }
}

void Gen::simple(Scope& s, int indent) {
  switch (in_.below(16)) {
    case 0: case 1: case 2: print_stmt(s, indent); return;
    case 3: case 4: case 5: assign(s, indent); return;
    case 6: case 7: mutate_list(s, indent); return;
    case 8: mutate_dict(s, indent); return;
    case 9: raise_stmt(s, indent); return;
    case 10:
      if (s.loop_depth > 0) return line(indent, in_.below(2) ? "break" : "continue");
      return assign(s, indent);
    case 11:
      if (s.in_function) return line(indent, "return " + any(s, kMaxExprDepth - 1));
      return print_stmt(s, indent);
    case 12:
      if (s.straight && nests_ < kMaxNests) return nest(indent);
      return mutate_list(s, indent);
    case 13: {
      Func f = funcs_.empty() ? Func{"h0", {Ty::NUM}} : funcs_[in_.below(funcs_.size())];
      if (!s.in_function && in_.below(2))
        return line(indent, std::string(in_.below(2) ? "h0" : "h1") + " = " + f.name + "(" + call_args(f, s) + ")");
      return line(indent, f.name + "(" + call_args(f, s) + ")");
    }
    case 14: return line(indent, "assert " + cond(s, 2) + ", " + str(s, 1));
    default: return line(indent, std::string(in_.pick(kNumVars)) + ", " + in_.pick(kNumVars) + " = " +
                                     num(s, 1) + ", " + num(s, 1));
  }
}

void Gen::assign(Scope& s, int indent) {
  int d = 1 + static_cast<int>(in_.below(kMaxExprDepth));
  switch (in_.below(8)) {
    case 0: case 1: return line(indent, std::string(in_.pick(kNumVars)) + " = " + num(s, d));
    case 2: {
      static const char* const kAug[] = {" += ", " -= ", " //= ", " %= ", " |= ", " ^= ", " /= "};
      if (in_.below(3) == 0) return line(indent, std::string(in_.pick(kNumVars)) + " *= " + in_.pick(kMulLits));
      return line(indent, std::string(in_.pick(kNumVars)) + in_.pick(kAug) + num(s, d));
    }
    case 3: return line(indent, std::string(in_.pick(kStrVars)) + " = " + paren(str(s, d)) + "[:40]");
    case 4: {
      std::string v = in_.pick(kStrVars);
      return line(indent, v + " += " + str(s, 0) + "[:4]; " + v + " = " + v + "[-40:]");
    }
    case 5: return line(indent, std::string(in_.pick(kListVars)) + " = " + paren(list(s, d)) + "[:12]");
    case 6: return line(indent, std::string(in_.pick(kDictVars)) + " = " + dict(s, d));
    default: return line(indent, std::string(in_.pick(kTupleVars)) + " = " + paren(tuple(s, d)) + "[:6]");
  }
}

void Gen::mutate_list(Scope& s, int indent) {
  std::string l = in_.pick(kListVars);
  std::string guard = "if len(" + l + ") < 12: ";
  switch (in_.below(12)) {
    case 0: case 1: return line(indent, guard + l + ".append(" + scalar(s, 2) + ")");
    case 2: return line(indent, guard + l + ".insert(" + num(s, 1) + ", " + scalar(s, 1) + ")");
    case 3: return line(indent, guard + l + ".extend(" + list(s, 1) + ")");
    case 4: return line(indent, guard + l + "[" + num(s, 1) + ":" + num(s, 1) + "] = " + list(s, 1));
    case 5: return line(indent, l + ".pop(" + (in_.below(2) ? num(s, 1) : "") + ")");
    case 6: return line(indent, l + "[" + num(s, 1) + "] = " + scalar(s, 1));
    case 7: return line(indent, "del " + l + "[" + num(s, 1) + (in_.below(2) ? ":" + num(s, 1) : "") + "]");
    case 8: return line(indent, l + (in_.below(2) ? ".sort()" : ".sort(key=repr, reverse=True)"));
    case 9: return line(indent, l + (in_.below(2) ? ".reverse()" : ".clear()"));
    case 10: return line(indent, l + ".remove(" + scalar(s, 1) + ")");
    default: return line(indent, l + " += " + list(s, 0) + "; del " + l + "[12:]");
  }
}

void Gen::mutate_dict(Scope& s, int indent) {
  std::string dv = in_.pick(kDictVars);
  switch (in_.below(7)) {
    case 0: case 1: return line(indent, "if len(" + dv + ") < 16: " + dv + "[" + key(s, 2) + "] = " + scalar(s, 2));
    case 2: return line(indent, "del " + dv + "[" + key(s, 1) + "]");
    case 3: return line(indent, dv + ".pop(" + key(s, 1) + (in_.below(2) ? ", None)" : ")"));
    case 4: return line(indent, dv + ".setdefault(" + key(s, 1) + ", " + scalar(s, 1) + ")");
    case 5: return line(indent, "if len(" + dv + ") < 16: " + dv + ".update(" + dict(s, 1) + ")");
    default: return line(indent, dv + ".clear()");
  }
}

void Gen::print_stmt(Scope& s, int indent) {
  switch (in_.below(5)) {
    case 0: case 1: return line(indent, "print(" + any(s, 2) + ")");
    case 2: return line(indent, "print(" + any(s, 1) + ", " + any(s, 1) + ", sep=" + in_.pick(kStrLits) + ")");
    case 3: return line(indent, "print(" + num(s, 2) + ", end=" + in_.pick(kStrLits) + ")");
    default: return line(indent, "print(n0, n1, n2, n3, s0, s1, l0, l1, d0, d1, t0)");
  }
}

void Gen::if_stmt(Scope& s, int indent) {
  Scope inner = s;
  inner.straight = false;
  line(indent, "if " + cond(s, 2) + ":");
  block(inner, indent + 1);
  for (unsigned i = 0, n = in_.below(3); i < n; i++) {
    line(indent, "elif " + cond(s, 2) + ":");
    block(inner, indent + 1);
  }
  if (in_.below(2)) {
    line(indent, "else:");
    block(inner, indent + 1);
  }
}

void Gen::for_stmt(Scope& s, int indent) {
  Scope inner = s;
  inner.straight = false;
  inner.loop_depth++;
  std::string var = fresh("i");
  std::string head;
  switch (in_.below(7)) {
    case 0: case 1: {
      static const char* const kRanges[] = {"range(%)", "range(3, %)", "range(%, -3, -1)", "range(0, %, 2)"};
      head = in_.pick(kRanges);
      head.replace(head.find('%'), 1, std::to_string(in_.below(10)));
      inner.nums.push_back(var);
      break;
    }
    case 2: head = "range(" + num(s, 1) + " % 9)"; inner.nums.push_back(var); break;
    case 3: head = in_.pick(kListVars); inner.anys.push_back(var); break;
    case 4: head = in_.pick(kStrVars); inner.strs.push_back(var); break;
    case 5: head = in_.pick(kDictVars); inner.anys.push_back(var); break;
    default: {
      std::string v2 = fresh("i");
      head = in_.below(2) ? std::string("enumerate(") + in_.pick(kListVars) + ")"
                          : std::string(in_.pick(kDictVars)) + ".items()";
      inner.anys.push_back(v2);
      inner.anys.push_back(var);
      var += ", " + v2;
      break;
    }
  }
  line(indent, "for " + var + " in " + head + ":");
  fuel_check(indent + 1, "break");
  block(inner, indent + 1);
  if (in_.below(4) == 0) {  // the else clause belongs to the enclosing loop, if any
    Scope after = s;
    after.straight = false;
    line(indent, "else:");
    block(after, indent + 1);
  }
}

void Gen::while_stmt(Scope& s, int indent) {
  Scope inner = s;
  inner.straight = false;
  inner.loop_depth++;
  line(indent, "while " + cond(s, 2) + ":");
  fuel_check(indent + 1, "break");
  block(inner, indent + 1);
}

void Gen::try_stmt(Scope& s, int indent) {
  Scope inner = s;
  inner.straight = false;
  line(indent, "try:");
  block(inner, indent + 1);
  bool handled = false;
  for (unsigned i = 0, n = in_.below(3); i < n || (!handled && in_.empty()); i++) {
    Scope h = inner;
    std::string e = fresh("e");
    h.anys.push_back(e);
    line(indent, std::string("except ") + in_.pick(kExcSpecs) + " as " + e + ":");
    line(indent + 1, "print('caught', repr(" + e + "))");
    block(h, indent + 1);
    handled = true;
  }
  if (handled && in_.below(3) == 0) {
    line(indent, "else:");
    block(inner, indent + 1);
  }
  if (!handled || in_.below(3) == 0) {
    line(indent, "finally:");
    block(inner, indent + 1);
  }
}

// Literals only: at module start nothing else exists yet.
std::string Gen::literal_list() {
  std::string items;
  for (unsigned i = 0, n = in_.below(5); i < n; i++)
    items += (i ? ", " : "") + std::string(in_.below(2) ? in_.pick(kNumLits) : in_.pick(kStrLits));
  return "[" + items + "]";
}

void Gen::init_pools(int indent, const std::vector<Ty>& params) {
  int p = 0;
  auto next = [&](Ty t, const std::string& fallback) {
    for (size_t i = 0; i < params.size(); i++)
      if (params[i] == t && static_cast<int>(i) >= p) {
        p = static_cast<int>(i) + 1;
        return "p" + std::to_string(i);
      }
    return fallback;
  };
  for (const char* v : kNumVars) line(indent, std::string(v) + " = " + next(Ty::NUM, in_.pick(kNumLits)));
  p = 0;
  for (const char* v : kStrVars) line(indent, std::string(v) + " = " + next(Ty::STR, in_.pick(kStrLits)));
  p = 0;
  for (const char* v : kListVars) line(indent, std::string(v) + " = " + next(Ty::LIST, literal_list()));
  for (const char* v : kDictVars)
    line(indent, std::string(v) + " = {" + std::string(in_.pick(kKeyLits)) + ": " + in_.pick(kNumLits) + "}");
  for (const char* v : kTupleVars)
    line(indent, std::string(v) + " = (" + std::string(in_.pick(kNumLits)) + ", " + in_.pick(kStrLits) + ")");
}

void Gen::def_function(Scope& s, int indent) {
  Func f{"f" + std::to_string(funcs_.size()), {}};
  for (unsigned i = 0, n = in_.below(4); i < n; i++) f.params.push_back(static_cast<Ty>(in_.below(3)));
  std::string params;
  for (size_t i = 0; i < f.params.size(); i++) params += (i ? ", " : "") + ("p" + std::to_string(i));
  line(indent, "def " + f.name + "(" + params + "):");
  fuel_check(indent + 1, "return 0");
  Scope body;
  body.in_function = true;
  body.straight = false;
  body.block_depth = s.block_depth;
  init_pools(indent + 1, f.params);
  factory_ = false;
  block(body, indent + 1);
  line(indent + 1, "return " + any(body, 2));
  f.factory = factory_;
  funcs_.push_back(f);  // defined after its body: no recursion, so no runaway call trees
}

void Gen::def_closure(Scope& s, int indent) {
  std::string name = fresh("g");
  std::string target = in_.pick(kNumVars);
  Scope body = s;
  body.nums.push_back("x");
  line(indent, "def " + name + "(x):");
  line(indent + 1, "nonlocal " + target);
  line(indent + 1, target + " = " + num(body, 2));
  if (in_.below(2)) line(indent + 1, "print(" + num(body, 1) + ")");
  line(indent + 1, "return " + num(body, 2));
  s.closures.push_back(name);
  if (in_.below(3) == 0) {  // escapes: the caller may store it in h0/h1
    line(indent, "return " + name);
    factory_ = true;
  }
}

void Gen::nest(int indent) {
  nests_++;
  static const char* const kNests[] = {"l0.append(l0)", "l0.append(l1)", "l1.append(d0)", "d0['self'] = d0",
                                       "d1[0] = l0", "l1.insert(0, l1)", "d0[1] = d1", "l0.append(t0)",
                                       "l1.append((l1, d1))", "d1['t'] = (d1, 1)"};
  line(indent, in_.pick(kNests));
}

void Gen::raise_stmt(Scope& s, int indent) {
  switch (in_.below(5)) {
    case 0: return line(indent, "raise ValueError(" + str(s, 1) + ")");
    case 1: return line(indent, "raise KeyError(" + key(s, 1) + ")");
    case 2: return line(indent, "raise ZeroDivisionError");
    case 3: return line(indent, "raise IndexError(" + num(s, 1) + ", " + str(s, 0) + ")");
    default: return line(indent, "raise RuntimeError");
  }
}

// Inputs of even length put the top-level statements in a function, main():
// their variables are then locals rather than globals, so that the JIT can
// compile the loops over them (traces do not record STORE_GLOBAL). The names
// the functions share stay global, not cells of main(). The choice costs no
// byte, so odd-length corpus files keep decoding as before.
std::string Gen::program() {
  bool in_main = in_.size() % 2 == 0;
  int base = in_main ? 1 : 0;
  line(0, "F = [" + std::to_string(kFuel) + "]");
  if (in_main) {
    line(0, "def main():");
    line(1, "global h0, h1, r0, f0, f1, f2, f3");
  }
  Scope top;
  init_pools(base, {});
  line(base, "h0 = abs");
  line(base, "h1 = float");
  if (in_.below(3) == 0) {
    have_rec_ = true;
    line(base, "def r0(k):");
    fuel_check(base + 1, "return 0");
    line(base + 1, "return 0 if k <= 0 else r0(k - 1) + 1");
  }
  // Most top-level statements run under a handler, so that one TypeError does
  // not end the program; the others let exceptions escape (tracebacks).
  while (!in_.empty() && statements_ < kMaxStatements) {
    if (in_.below(8) == 0) {
      statement(top, base);
      continue;
    }
    line(base, "try:");
    statement(top, base + 1);
    line(base, "except Exception as e:");
    line(base + 1, "print('error', repr(e))");
  }
  line(base, "print(n0, n1, n2, n3, s0, s1, l0, l1, d0, d1, t0)");
  if (in_main) line(0, "main()");
  return out_;
}

}  // namespace

std::string generate_program(const uint8_t* data, size_t size) {
  ByteSource in(data, size);
  return Gen(in).program();
}

}  // namespace contrail::fuzz
