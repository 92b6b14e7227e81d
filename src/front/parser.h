// src/front/parser.h -- Recursive-descent parser: tokens to AST (ast.h),
// following CPython 3.11's PEG grammar and its "invalid_" error rules for the
// common mistakes.
// Invariants:
//  - recursion is bounded: brackets by the lexer (200), everything else by a
//    depth counter (kMaxParseDepth) that fails like CPython's parser stack
//    overflow (MemoryError); left-associative operator chains parse in loops;
//  - a parser error is replaced by a tokenizer error found later in the file,
//    as CPython's _PyPegen_tokenize_full_source_to_check_for_errors does.
// Depends on lexer.h, ast.h, source_text.h.
#pragma once

#include "src/front/ast.h"
#include "src/front/source_text.h"

namespace contrail::front {

// Parses the module [src] into [mod]. Throws CompileError on a syntax error.
void parse_module(const SourceText& src, Module& mod);

}  // namespace contrail::front
