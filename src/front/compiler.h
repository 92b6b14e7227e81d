// src/front/compiler.h -- AST + symbol table to a CodeUnit tree.
// See the top of compiler.cpp for the exact bytecode protocols emitted
// (calls, exceptions, with, generators, classes, comprehensions).
// Depends on ast.h, symtable.h, code_unit.h, runtime/bytecode.h.
#pragma once

#include <memory>

#include "src/front/ast.h"
#include "src/front/code_unit.h"
#include "src/front/source_text.h"
#include "src/front/symtable.h"

namespace contrail::front {

// Compiles [mod] (analysed as [st]) into the module's CodeUnit.
// Throws CompileError for the errors CPython's compiler raises.
std::shared_ptr<CodeUnit> compile_module(const Module& mod, const SymbolTable& st, const SourceText& src);

}  // namespace contrail::front
