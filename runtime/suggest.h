// runtime/suggest.h -- "Did you mean" suggestions for NameError and
// AttributeError, with CPython 3.11's algorithm (Python/suggestions.c): a
// Levenshtein distance where a case change costs 1 and any other edit 2, and
// a candidate qualifies when at most a third of the characters change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contrail::runtime {

// The best candidate for [name] among [candidates] (in their order; the first
// of equally good ones wins), or an empty string.
std::string suggest_name(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace contrail::runtime
