// jit/ir.cpp -- Static tables of the IR (names, types, flags), generated from
// the X-macro in jit/ir.h.
#include "jit/ir.h"

namespace contrail::jit {

namespace {
constexpr const char* kOpNames[] = {
#define CT_IR_NAME(name, type, flags) #name,
    CT_IR_OPS(CT_IR_NAME)
#undef CT_IR_NAME
};
constexpr IrType kOpTypes[] = {
#define CT_IR_TYPE(name, type, flags) IrType::type,
    CT_IR_OPS(CT_IR_TYPE)
#undef CT_IR_TYPE
};
constexpr uint8_t kOpFlags[] = {
#define CT_IR_FLAGS(name, type, flags) static_cast<uint8_t>(flags),
    CT_IR_OPS(CT_IR_FLAGS)
#undef CT_IR_FLAGS
};
constexpr const char* kTypeNames[] = {
#define CT_IR_TYPE_NAME(name) #name,
    CT_IR_TYPES(CT_IR_TYPE_NAME)
#undef CT_IR_TYPE_NAME
};
}  // namespace

const char* ir_op_name(IrOp op) { return kOpNames[static_cast<int>(op)]; }
const char* ir_type_name(IrType t) { return kTypeNames[static_cast<int>(t)]; }
IrType ir_op_type(IrOp op) { return kOpTypes[static_cast<int>(op)]; }
uint8_t ir_op_flags(IrOp op) { return kOpFlags[static_cast<int>(op)]; }

}  // namespace contrail::jit
