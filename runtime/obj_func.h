// runtime/obj_func.h -- Code objects, Python functions, cells, bound methods and
// native (C++) functions.
// Invariants:
//  - Code is immutable after loading except for its hot counters and the
//    interpreter's in-place opcode specialisation (same length, same argument).
//  - A Function's closure holds exactly code->nfree cells.
#pragma once

#include "runtime/object.h"

namespace contrail::runtime {

// Untraced bytes (instruction words, line tables, counters).
struct RawArray : Obj {
  uint64_t bytes;
  alignas(8) unsigned char data[];
  template <class T>
  T* as() { return reinterpret_cast<T*>(data); }
};

struct ExceptionRange {
  uint32_t start, end, handler, depth;
};

struct Code : Obj {
  Str* name;
  Str* qualname;
  Str* filename;
  Tuple* consts;
  Tuple* names;
  Tuple* varnames;
  Tuple* cellvars;
  Tuple* freevars;
  RawArray* words;       // uint32_t instructions
  RawArray* lines;       // int32_t source line per instruction
  RawArray* exc_table;   // ExceptionRange[nexc]
  RawArray* cell_param;  // int32_t per cellvar: parameter index or -1
  RawArray* counters;    // uint32_t hot counter per instruction (back-edges use theirs)
  RawArray* caches;      // InlineCache per instruction (runtime/inline_cache.h)
  uint32_t ninstr;
  uint32_t nlocals;      // len(varnames)
  uint32_t ncells;       // len(cellvars)
  uint32_t nfree;        // len(freevars)
  uint32_t argcount;
  uint32_t posonlyargcount;
  uint32_t kwonlyargcount;
  uint32_t flags;        // CodeFlags
  uint32_t max_stack;
  uint32_t first_line;
  uint32_t nexc;
  uint32_t entry_counter;  // calls, for hot-function counting

  const uint32_t* code() { return words->as<uint32_t>(); }
  int line_at(uint32_t pc) { return pc < ninstr ? lines->as<int32_t>()[pc] : static_cast<int>(first_line); }
  // Frame size in Values: locals + cells + frees + operand stack.
  uint32_t frame_size() const { return nlocals + ncells + nfree + max_stack; }
};

struct Function : Obj {
  Code* code;
  Dict* globals;
  Tuple* defaults;     // may be null
  Dict* kwdefaults;    // may be null
  Tuple* closure;      // may be null
  Str* name;
  Str* qualname;
  Dict* dict;          // function attributes, may be null
  Value module;        // __module__
};

struct Cell : Obj {
  Value value;  // NULL when empty
};

struct BoundMethod : Obj {
  Value func;
  Value self;
};

struct Native : Obj {
  NativeFn fn;
  Str* name;
  Value self;        // NULL for unbound (functions in a type or module)
  Klass* owner;      // type defining the method, for error messages; may be null
};

Value native_new(Vm& vm, const char* name, NativeFn fn, Klass* owner = nullptr);
Value bound_method_new(Vm& vm, Value func, Value self);
Value cell_new(Vm& vm, Value v);
RawArray* raw_array_new(Vm& vm, uint64_t bytes);

}  // namespace contrail::runtime
