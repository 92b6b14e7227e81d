// runtime/bytecode.h -- The bytecode instruction set, declared once.
// Shared vocabulary of the compiler (src/front), the interpreter (src/interp)
// and, later, the JIT recorder: every opcode appears exactly once in
// CT_BYTECODES, and the enum, the --dis names and the stack-effect table are
// generated from it.
//
// Encoding: one instruction is one 32-bit word, opcode in the low 8 bits and an
// unsigned 24-bit argument above it (kMaxArg). Jump targets are absolute
// instruction indices. The interpreter may rewrite an opcode in place into a
// specialised form of the same length (same argument meaning).
//
// Stack notation below: [.. a b] means b is on top. NULL is the interpreter's
// empty-slot marker (Value::null()), never a Python object.
#pragma once

#include <cstdint>

namespace contrail::runtime {

// Operand kinds, for the disassembler.
//   NONE   argument unused (0)
//   CONST  index into the code object's constants
//   NAME   index into the code object's names (globals, attributes, modules)
//   LOCAL  index into the fast locals (varnames)
//   CELL   index into the cell+free slots (cellvars first, then freevars)
//   JUMP   absolute instruction index
//   COUNT  a count or small literal
//   OP     an operator selector (BinOp, CmpOp, ...)
//
// Stack effect: the net change of the stack depth when the instruction falls
// through; kVarEffect means the compiler computes it from the argument
// (see bytecode_stack_effect()).
#define CT_BYTECODES(_)                                                                         \
  /* name               operand  effect   semantics */                                          \
  _(NOP,                NONE,     0)  /* */                                                     \
  _(POP_TOP,            NONE,    -1)  /* [.. a] -> [..] */                                      \
  _(COPY,               COUNT,    1)  /* [.. x(arg) .. ] -> push copy of the arg-th from top (1 = top) */ \
  _(SWAP,               COUNT,    0)  /* swap top with the arg-th from top (arg >= 2) */        \
  _(PUSH_NULL,          NONE,     1)  /* push NULL (call protocol, see CALL) */                 \
  _(LOAD_CONST,         CONST,    1)  /* push consts[arg] */                                    \
  _(LOAD_FAST,          LOCAL,    1)  /* push local; UnboundLocalError if NULL */               \
  _(STORE_FAST,         LOCAL,   -1)  /* local = pop */                                         \
  _(DELETE_FAST,        LOCAL,    0)  /* local = NULL; UnboundLocalError if already NULL */     \
  _(LOAD_DEREF,         CELL,     1)  /* push cell contents; NameError/UnboundLocalError if empty */ \
  _(STORE_DEREF,        CELL,    -1)  /* cell contents = pop */                                 \
  _(DELETE_DEREF,       CELL,     0)  /* empty the cell */                                      \
  _(LOAD_CLOSURE,       CELL,     1)  /* push the cell object itself (to build a closure tuple) */ \
  _(LOAD_GLOBAL,        NAME,     1)  /* push globals[name] or builtins[name]; NameError */     \
  _(STORE_GLOBAL,       NAME,    -1)  /* globals[name] = pop */                                 \
  _(DELETE_GLOBAL,      NAME,     0)  /* del globals[name]; NameError */                        \
  _(LOAD_NAME,          NAME,     1)  /* class body / module: locals dict, then globals, then builtins */ \
  _(STORE_NAME,         NAME,    -1)  /* locals dict (or globals at module level)[name] = pop */ \
  _(DELETE_NAME,        NAME,     0)  /* */                                                     \
  _(LOAD_ATTR,          NAME,     0)  /* [.. o] -> [.. o.name] */                               \
  _(STORE_ATTR,         NAME,    -2)  /* [.. v o] -> [..]; o.name = v */                        \
  _(DELETE_ATTR,        NAME,    -1)  /* [.. o] -> [..]; del o.name */                          \
  _(LOAD_METHOD,        NAME,     1)  /* [.. o] -> [.. f o] if name is a plain function on type(o), else [.. o.name NULL] */ \
  _(BINARY_OP,          OP,      -1)  /* [.. a b] -> [.. a OP b]; arg is a BinOp (in-place ops included) */ \
  _(UNARY_NEG,          NONE,     0)  /* -x */                                                  \
  _(UNARY_POS,          NONE,     0)  /* +x */                                                  \
  _(UNARY_NOT,          NONE,     0)  /* not x (always a bool) */                               \
  _(UNARY_INVERT,       NONE,     0)  /* ~x */                                                  \
  _(COMPARE_OP,         OP,      -1)  /* [.. a b] -> [.. a CMP b]; arg is a CmpOp */            \
  _(IS_OP,              COUNT,   -1)  /* [.. a b] -> [.. a is b] (arg 1: is not) */             \
  _(CONTAINS_OP,        COUNT,   -1)  /* [.. a b] -> [.. a in b] (arg 1: not in) */             \
  _(BINARY_SUBSCR,      NONE,    -1)  /* [.. c i] -> [.. c[i]] */                               \
  _(STORE_SUBSCR,       NONE,    -3)  /* [.. v c i] -> [..]; c[i] = v */                        \
  _(DELETE_SUBSCR,      NONE,    -2)  /* [.. c i] -> [..]; del c[i] */                          \
  _(BUILD_SLICE,        COUNT, kVarEffect) /* arg 2: [.. a b] -> slice(a,b); arg 3: [.. a b c] */ \
  _(BUILD_TUPLE,        COUNT, kVarEffect) /* pop arg items, push tuple */                      \
  _(BUILD_LIST,         COUNT, kVarEffect) /* pop arg items, push list */                       \
  _(BUILD_SET,          COUNT, kVarEffect) /* pop arg items, push set */                        \
  _(BUILD_MAP,          COUNT, kVarEffect) /* pop arg key/value pairs (k1 v1 k2 v2 ..), push dict */ \
  _(BUILD_STRING,       COUNT, kVarEffect) /* pop arg strs, push their concatenation */         \
  _(LIST_APPEND,        COUNT,   -1)  /* v = pop; stack[-arg].append(v) (comprehensions) */     \
  _(SET_ADD,            COUNT,   -1)  /* v = pop; stack[-arg].add(v) */                         \
  _(MAP_ADD,            COUNT,   -2)  /* [.. k v] ; stack[-arg][k] = v (after popping k v) */   \
  _(LIST_EXTEND,        COUNT,   -1)  /* it = pop; stack[-arg].extend(it) (starred displays) */ \
  _(SET_UPDATE,         COUNT,   -1)  /* it = pop; stack[-arg].update(it) */                    \
  _(DICT_UPDATE,        COUNT,   -1)  /* m = pop; stack[-arg].update(m) ({**m}) */              \
  _(DICT_MERGE,         COUNT,   -1)  /* like DICT_UPDATE but TypeError on duplicate keys (f(**m)) */ \
  _(LIST_TO_TUPLE,      NONE,     0)  /* [.. list] -> [.. tuple(list)] */                       \
  _(FORMAT_VALUE,       COUNT, kVarEffect) /* f-string field, arg = FormatFlags: conversion bits | HAS_SPEC ([.. v spec] -> [.. str]) */ \
  _(UNPACK_SEQUENCE,    COUNT, kVarEffect) /* [.. seq] -> [.. v_last .. v_first] (v_first on top); ValueError on length mismatch */ \
  _(UNPACK_EX,          COUNT, kVarEffect) /* arg = before | after << 8; pushes after+1+before values, starred list in the middle, first item on top */ \
  _(JUMP,               JUMP,     0)  /* forward (or backward without hot counting) jump */     \
  _(JUMP_BACKWARD,      JUMP,     0)  /* loop back-edge: bumps the loop's hot counter */        \
  _(POP_JUMP_IF_FALSE,  JUMP,    -1)  /* */                                                     \
  _(POP_JUMP_IF_TRUE,   JUMP,    -1)  /* */                                                     \
  _(JUMP_IF_FALSE_OR_POP, JUMP,  -1)  /* if not TOS: jump keeping TOS; else pop (effect on fallthrough) */ \
  _(JUMP_IF_TRUE_OR_POP,  JUMP,  -1)  /* if TOS: jump keeping TOS; else pop */                  \
  _(GET_ITER,           NONE,     0)  /* [.. o] -> [.. iter(o)] */                              \
  _(FOR_ITER,           JUMP,     1)  /* [.. it] -> [.. it next]; when exhausted: pop it, jump to arg */ \
  _(CALL,               COUNT, kVarEffect) /* [.. f x a1..an] -> [.. r]; x NULL: f(a1..an); else f(x, a1..an) */ \
  _(CALL_KW,            COUNT, kVarEffect) /* [.. f x a1..an names] -> [.. r]; names: tuple const of the last len(names) keyword arg names; arg = n */ \
  _(CALL_EX,            COUNT, kVarEffect) /* [.. f NULL args_tuple] -> [.. r] (arg 0); [.. f NULL args_tuple kwargs_dict] -> [.. r] (arg 1) */ \
  _(MAKE_FUNCTION,      COUNT, kVarEffect) /* [.. defaults? kwdefaults? closure? code] -> [.. fn]; arg = MakeFunctionFlags */ \
  _(RETURN_VALUE,       NONE,    -1)  /* return pop */                                          \
  _(IMPORT_NAME,        NAME,     0)  /* [.. fromlist] -> [.. module] */                        \
  _(IMPORT_FROM,        NAME,     1)  /* [.. m] -> [.. m m.name]; ImportError */                \
  _(IMPORT_STAR,        NONE,    -1)  /* [.. m] -> [..]; copy public names into globals */      \
  _(RAISE_VARARGS,      COUNT, kVarEffect) /* 0: re-raise; 1: raise exc; 2: raise exc from cause */ \
  _(LOAD_ASSERTION_ERROR, NONE,   1)  /* push AssertionError type */                            \
  _(PUSH_EXC_INFO,      NONE,     1)  /* handler entry: [.. exc] -> [.. prev_exc exc], exc becomes current */ \
  _(POP_EXCEPT,         NONE,    -1)  /* [.. prev_exc] -> [..]; restores current exception */   \
  _(CHECK_EXC_MATCH,    NONE,     0)  /* [.. exc type] -> [.. exc bool] */                      \
  _(RERAISE,            NONE,    -1)  /* raise pop (keeping its traceback) */                   \
  _(BEFORE_WITH,        NONE,     1)  /* [.. mgr] -> [.. exit_bound enter_result] */            \
  _(WITH_EXCEPT_START,  NONE,     1)  /* [.. exit prev exc] -> [.. exit prev exc exit(type, exc, tb)] */ \
  _(LOAD_BUILD_CLASS,   NONE,     1)  /* push builtins.__build_class__ */                       \
  _(YIELD_VALUE,        NONE,     0)  /* [.. v] -> [.. sent] */                                 \
  _(GET_YIELD_FROM_ITER, NONE,    0)  /* */                                                     \
  _(SEND,               JUMP,     0)  /* [.. it v] -> [.. it r]; on StopIteration(value): [.. value] and jump */ \
  _(RETURN_GENERATOR,   NONE,     0)  /* first instruction of a generator body */

inline constexpr int kVarEffect = 1000;
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

enum class Op : uint8_t {
#define CT_OP_ENUM(name, operand, effect) name,
  CT_BYTECODES(CT_OP_ENUM)
#undef CT_OP_ENUM
};

#define CT_OP_COUNT(name, operand, effect) +1
inline constexpr int kOpCount = 0 CT_BYTECODES(CT_OP_COUNT);
#undef CT_OP_COUNT
static_assert(kOpCount <= 256, "opcodes must fit the low 8 bits of an instruction");

enum class OperandKind : uint8_t { NONE, CONST, NAME, LOCAL, CELL, JUMP, COUNT, OP };

// Binary operators (BINARY_OP's argument). ORDER BINOP: in-place forms follow
// the plain ones in the same order, so inplace = plain + kBinOpInplaceOffset.
#define CT_BINOPS(_)                                   \
  _(ADD, "+", "__add__") _(SUB, "-", "__sub__")        \
  _(MUL, "*", "__mul__") _(TRUEDIV, "/", "__truediv__") \
  _(FLOORDIV, "//", "__floordiv__") _(MOD, "%", "__mod__") \
  _(POW, "**", "__pow__") _(LSHIFT, "<<", "__lshift__") \
  _(RSHIFT, ">>", "__rshift__") _(AND, "&", "__and__") \
  _(OR, "|", "__or__") _(XOR, "^", "__xor__")          \
  _(MATMUL, "@", "__matmul__")

enum class BinOp : uint8_t {
#define CT_BINOP_ENUM(name, sym, dunder) name,
  CT_BINOPS(CT_BINOP_ENUM)
#undef CT_BINOP_ENUM
#define CT_BINOP_IENUM(name, sym, dunder) I##name,
  CT_BINOPS(CT_BINOP_IENUM)
#undef CT_BINOP_IENUM
};
inline constexpr int kBinOpInplaceOffset = static_cast<int>(BinOp::IADD);
static_assert(static_cast<int>(BinOp::IMATMUL) == 2 * kBinOpInplaceOffset - 1);

// Comparison operators (COMPARE_OP's argument). ORDER CMP: as CPython's Py_LT..Py_GE.
enum class CmpOp : uint8_t { LT, LE, EQ, NE, GT, GE };

// FORMAT_VALUE argument bits.
enum FormatFlags : uint32_t {
  kFormatConvNone = 0,
  kFormatConvStr = 1,    // !s
  kFormatConvRepr = 2,   // !r
  kFormatConvAscii = 3,  // !a
  kFormatConvMask = 3,
  kFormatHasSpec = 4,    // a format spec string is on top of the value
};

// MAKE_FUNCTION argument bits: which optional items sit below the code object,
// pushed in this order (defaults first).
enum MakeFunctionFlags : uint32_t {
  kFnDefaults = 1,     // tuple of positional defaults
  kFnKwDefaults = 2,   // dict of keyword-only defaults
  kFnClosure = 4,      // tuple of cells
};

// Code object flags.
enum CodeFlags : uint32_t {
  kCodeVarargs = 1,     // has *args (slot after the named parameters)
  kCodeVarkeywords = 2, // has **kwargs (slot after *args)
  kCodeGenerator = 4,
  kCodeModule = 8,      // module-level code
  kCodeClassBody = 16,
};

// One instruction word.
struct Instr {
  static constexpr uint32_t make(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
  static constexpr Op op(uint32_t word) { return static_cast<Op>(word & 0xff); }
  static constexpr uint32_t arg(uint32_t word) { return word >> 8; }
};

// Name of [op] as printed by --dis.
const char* op_name(Op op);
// Operand kind of [op].
OperandKind op_operand(Op op);
// Whether execution can continue at the next instruction after [op] (false
// for unconditional jumps, returns and raises).
bool op_falls_through(Op op);
// Net stack effect of executing [op] with [arg] and falling through.
int bytecode_stack_effect(Op op, uint32_t arg);
// Symbol of a binary operator ("+", "+=" for in-place).
const char* binop_symbol(BinOp op);
// Dunder method name of a binary operator ("__add__"; in-place: "__iadd__").
const char* binop_dunder(BinOp op);
// Reflected dunder name ("__radd__"); in-place operators map to the plain one's.
const char* binop_rdunder(BinOp op);
// Symbol of a comparison ("<", "==", ...).
const char* cmpop_symbol(CmpOp op);

}  // namespace contrail::runtime
