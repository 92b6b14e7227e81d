// tests/fuzz/diff_grammar.h -- Decodes fuzzer bytes into a small Python program
// of the supported subset, for the differential target (fuzz_diff.cpp).
// Invariants:
//  - every byte string decodes to a syntactically valid program (reading past
//    the end yields zeros, and choice 0 always ends a block);
//  - every program terminates quickly in any configuration: loops and calls
//    spend a global fuel counter, growth operators take literal operands, and
//    containers are truncated when assigned (see "Bounded growth" in the .cpp);
//  - a program never prints object addresses (functions are never printed), so
//    two correct runs print identical bytes;
//  - decoding is deterministic for one compiler: the order in which the two
//    operands of `a() + b()` consume bytes is unspecified in C++, so a corpus
//    file means the same program on every clang build (fuzz targets are
//    clang-only), not necessarily under another compiler.
// Depends on the standard library only (no Contrail headers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace contrail::fuzz {

// Python source decoded from [data, data + size).
std::string generate_program(const uint8_t* data, size_t size);

}  // namespace contrail::fuzz
