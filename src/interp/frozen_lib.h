// src/interp/frozen_lib.h -- The pure-Python part of the standard library
// (lib/*.py), embedded into the binary at build time by cmake/embed_lib.cmake.
#pragma once

#include <span>
#include <string_view>

namespace contrail::interp {

struct FrozenModule {
  std::string_view name;    // module name (file name without .py)
  std::string_view source;  // its Python source
};

// Every embedded module, sorted by name.
std::span<const FrozenModule> frozen_modules();

}  // namespace contrail::interp
