// runtime/num_text.h -- Text preparation shared by int() and float() parsing:
// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII and the truncated repr
// ("%.200R") of the original string in their ValueError messages.
// Depends on runtime/obj_str.h and runtime/str_unicode.h only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace contrail::runtime {

// Returns [utf8] with every Unicode whitespace character replaced by ' ',
// every Unicode decimal digit by its ASCII digit and any other non-ASCII
// character by '?' (which no number parser accepts).
std::string num_text_to_ascii(std::string_view utf8);

// Returns repr([utf8]) cut to its first [max_cps] code points (CPython's %.NR).
std::string num_text_repr(std::string_view utf8, size_t max_cps);

}  // namespace contrail::runtime
