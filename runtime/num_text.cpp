// runtime/num_text.cpp -- Text preparation for int() and float() parsing.
// Invariant: the ASCII transform keeps one output byte per input code point,
// so parse errors never depend on how many bytes a character took.
#include "runtime/num_text.h"

#include "runtime/obj_str.h"
#include "runtime/str_unicode.h"

namespace contrail::runtime {

namespace {

// Value of a Unicode decimal digit: decimals come in contiguous runs that start
// at a zero and whose length is a multiple of ten (Unicode's Nd guarantee).
char decimal_ascii(uint32_t cp) {
  uint32_t start = cp;
  while (start > 0 && uni_is(start - 1, kUniDecimal)) --start;
  return static_cast<char>('0' + (cp - start) % 10);
}

}  // namespace

std::string num_text_to_ascii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    auto c = static_cast<unsigned char>(utf8[pos]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++pos;
      continue;
    }
    uint32_t cp = utf8_decode(utf8, &pos);
    if (uni_is(cp, kUniSpace)) out += ' ';
    else if (uni_is(cp, kUniDecimal)) out += decimal_ascii(cp);
    else out += '?';
  }
  return out;
}

std::string num_text_repr(std::string_view utf8, size_t max_cps) {
  std::string r;
  str_repr_append(r, utf8);
  size_t pos = 0, cps = 0;
  while (pos < r.size() && cps < max_cps) {
    utf8_decode(r, &pos);
    ++cps;
  }
  r.resize(pos);
  return r;
}

}  // namespace contrail::runtime
