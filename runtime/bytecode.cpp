// runtime/bytecode.cpp -- Tables generated from CT_BYTECODES, CT_BINOPS and CmpOp:
// opcode names, operand kinds, stack effects and operator spellings.
// Invariant: every row of the tables comes from the X-macro lists in
// bytecode.h; nothing here is written out by hand except the kVarEffect rules.
// Depends on runtime/bytecode.h only.
#include "runtime/bytecode.h"

#include <bit>
#include <string>

namespace contrail::runtime {

namespace {

constexpr const char* kOpNames[] = {
#define CT_OP_NAME(name, operand, effect) #name,
    CT_BYTECODES(CT_OP_NAME)
#undef CT_OP_NAME
};

constexpr OperandKind kOpOperands[] = {
#define CT_OP_OPERAND(name, operand, effect) OperandKind::operand,
    CT_BYTECODES(CT_OP_OPERAND)
#undef CT_OP_OPERAND
};

constexpr int kOpEffects[] = {
#define CT_OP_EFFECT(name, operand, effect) effect,
    CT_BYTECODES(CT_OP_EFFECT)
#undef CT_OP_EFFECT
};

constexpr const char* kBinOpSymbols[] = {
#define CT_BINOP_SYM(name, sym, dunder) sym,
    CT_BINOPS(CT_BINOP_SYM)
#undef CT_BINOP_SYM
#define CT_BINOP_ISYM(name, sym, dunder) sym "=",
    CT_BINOPS(CT_BINOP_ISYM)
#undef CT_BINOP_ISYM
};

constexpr const char* kBinOpDunders[] = {
#define CT_BINOP_DUNDER(name, sym, dunder) dunder,
    CT_BINOPS(CT_BINOP_DUNDER)
#undef CT_BINOP_DUNDER
};

// "__iadd__" / "__radd__": the plain dunder with [letter] inserted after "__".
struct DunderVariants {
  std::string inplace[kBinOpInplaceOffset];
  std::string reflected[kBinOpInplaceOffset];
  DunderVariants() {
    for (int i = 0; i < kBinOpInplaceOffset; i++) {
      std::string tail = kBinOpDunders[i] + 2;
      inplace[i] = "__i" + tail;
      reflected[i] = "__r" + tail;
    }
  }
};

const DunderVariants& dunder_variants() {
  static const DunderVariants variants;  // thread-safe one-time init
  return variants;
}

constexpr const char* kCmpOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

static_assert(sizeof(kOpNames) / sizeof(kOpNames[0]) == kOpCount);
static_assert(sizeof(kBinOpSymbols) / sizeof(kBinOpSymbols[0]) == 2 * kBinOpInplaceOffset);

}  // namespace

const char* op_name(Op op) {
  auto i = static_cast<int>(op);
  return i < kOpCount ? kOpNames[i] : "<invalid>";
}

OperandKind op_operand(Op op) {
  auto i = static_cast<int>(op);
  return i < kOpCount ? kOpOperands[i] : OperandKind::NONE;
}

bool op_falls_through(Op op) {
  switch (op) {
    case Op::JUMP:
    case Op::JUMP_BACKWARD:
    case Op::RETURN_VALUE:
    case Op::RAISE_VARARGS:
    case Op::RERAISE: return false;
    default: return true;
  }
}

int bytecode_stack_effect(Op op, uint32_t arg) {
  int n = static_cast<int>(arg);
  switch (op) {
    case Op::BUILD_SLICE:
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - n;
    case Op::BUILD_MAP: return 1 - 2 * n;
    case Op::FORMAT_VALUE: return (arg & kFormatHasSpec) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return n - 1;
    case Op::UNPACK_EX: return static_cast<int>((arg & 0xff) + (arg >> 8));
    case Op::CALL: return -(n + 1);      // f, self-or-NULL and n args -> result
    case Op::CALL_KW: return -(n + 2);   // ... plus the names tuple
    case Op::CALL_EX: return arg ? -3 : -2;  // f NULL args [kwargs] -> result
    case Op::MAKE_FUNCTION: return -std::popcount(arg & 7u);
    case Op::RAISE_VARARGS: return -n;
    default: break;
  }
  auto i = static_cast<int>(op);
  return i < kOpCount ? kOpEffects[i] : 0;
}

const char* binop_symbol(BinOp op) {
  auto i = static_cast<int>(op);
  return i < 2 * kBinOpInplaceOffset ? kBinOpSymbols[i] : "?";
}

const char* binop_dunder(BinOp op) {
  auto i = static_cast<int>(op);
  if (i < kBinOpInplaceOffset) return kBinOpDunders[i];
  if (i < 2 * kBinOpInplaceOffset) return dunder_variants().inplace[i - kBinOpInplaceOffset].c_str();
  return "?";
}

const char* binop_rdunder(BinOp op) {
  auto i = static_cast<int>(op);
  if (i >= kBinOpInplaceOffset) i -= kBinOpInplaceOffset;
  return i < kBinOpInplaceOffset ? dunder_variants().reflected[i].c_str() : "?";
}

const char* cmpop_symbol(CmpOp op) {
  auto i = static_cast<int>(op);
  return i < 6 ? kCmpOpSymbols[i] : "?";
}

}  // namespace contrail::runtime
