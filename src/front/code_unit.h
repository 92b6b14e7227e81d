// src/front/code_unit.h -- The compiler's output: plain C++ data describing one
// code object (module, function, lambda, comprehension or class body).
// Owned by the front end; the interpreter's loader (src/interp/loader.cpp)
// turns a CodeUnit tree into GC-heap code objects. Nothing here touches the GC.
//
// Invariants:
//  - code[i] is an Instr word (runtime/bytecode.h); lines[i] is the source line
//    of instruction i (1-based); both vectors have the same length.
//  - Fast locals are varnames; parameters come first, in order: positional
//    (posonly first), keyword-only, then *args, then **kwargs.
//  - Cell slots: cellvars then freevars; LOAD_DEREF i indexes that joint list.
//    cell_param[i] is the varnames index of a parameter that is also cellvar i
//    (the interpreter moves the argument into the fresh cell at entry), or -1.
//  - exception_table entries are sorted by start; an exception raised at pc in
//    [start, end) unwinds the value stack to `depth` items, pushes the
//    exception (and, if push_lasti, nothing else -- reserved), and jumps to
//    `handler`. Innermost ranges come first when ranges nest.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace contrail::front {

struct CodeUnit;

// A big (or any) integer literal kept as text, converted by the loader.
struct IntLiteral {
  std::string digits;  // no underscores, no prefix, no sign
  int base = 10;
};
struct EllipsisConst {};
struct NoneConst {};
struct ConstValue;
using ConstTuple = std::vector<ConstValue>;

struct ConstValue {
  std::variant<NoneConst, bool, int64_t, IntLiteral, double, std::string, EllipsisConst,
               ConstTuple, std::shared_ptr<CodeUnit>>
      v;
};

struct ExceptionEntry {
  uint32_t start = 0;    // first covered instruction
  uint32_t end = 0;      // one past the last covered instruction
  uint32_t handler = 0;  // where to jump
  uint32_t depth = 0;    // value-stack depth to unwind to before pushing the exception
};

struct CodeUnit {
  std::string name;       // "f", "<module>", "<lambda>", "<listcomp>"
  std::string qualname;   // "outer.<locals>.f"
  std::string filename;
  int first_line = 1;
  uint32_t flags = 0;     // runtime::CodeFlags
  int argcount = 0;       // positional parameters incl. posonly
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  std::vector<std::string> varnames;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  std::vector<int> cell_param;
  std::vector<std::string> names;
  std::vector<ConstValue> consts;
  std::vector<uint32_t> code;
  std::vector<int> lines;
  std::vector<ExceptionEntry> exception_table;
  int max_stack = 0;
};

}  // namespace contrail::front
