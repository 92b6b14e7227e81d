// src/front/disassemble.h -- Human-readable listing of compiled code for
// `contrail --dis`, laid out like CPython's `dis` module.
// Depends on code_unit.h and runtime/bytecode.h only.
#pragma once

#include <string>

#include "src/front/code_unit.h"

namespace contrail::front {

// Lists [code] and, after it, every code object among its constants, recursively.
// One line per instruction: source line (when it changes), offset, opcode name,
// argument and its decoded meaning in parentheses.
std::string disassemble(const CodeUnit& code);

}  // namespace contrail::front
