// runtime/str_unicode.cpp -- Unicode property lookup over generated run tables.
// kUniRuns is sorted by first code point and covers 0..0x10FFFF, so a binary
// search finds the record of any code point; ASCII flags come from a
// 128-entry table derived from the same runs at compile time.
// Depends on runtime/obj_str.h (utf8_append) only.
#include "runtime/str_unicode.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "runtime/obj_str.h"

namespace contrail::runtime {

namespace {

struct UniRecord {
  uint16_t flags;
  int32_t upper, lower, title, fold;  // single-char deltas
};
struct UniRun {
  uint32_t first;
  uint16_t record;
};
struct UniSpecial {
  uint32_t cp;
  uint8_t len[4];         // ORDER UniCase
  uint32_t map[4][3];
};

#include "runtime/str_unicode_data.inc"

const UniRecord& record_of(uint32_t cp) {
  if (cp > 0x10FFFF) return kUniRecords[kUniRuns[std::size(kUniRuns) - 1].record];
  auto it = std::upper_bound(std::begin(kUniRuns), std::end(kUniRuns), cp,
                             [](uint32_t c, const UniRun& r) { return c < r.first; });
  return kUniRecords[std::prev(it)->record];
}

int32_t delta_of(const UniRecord& r, UniCase kind) {
  switch (kind) {
    case UniCase::UPPER: return r.upper;
    case UniCase::LOWER: return r.lower;
    case UniCase::TITLE: return r.title;
    case UniCase::FOLD: return r.fold;
  }
  return 0;
}

const UniSpecial* special_of(uint32_t cp) {
  auto it = std::lower_bound(std::begin(kUniSpecialMaps), std::end(kUniSpecialMaps), cp,
                             [](const UniSpecial& s, uint32_t c) { return s.cp < c; });
  return (it != std::end(kUniSpecialMaps) && it->cp == cp) ? &*it : nullptr;
}

// Flags of the ASCII range, computed at compile time from the same runs.
constexpr auto kAsciiFlags = [] {
  std::array<uint16_t, 128> flags{};
  size_t run = 0;
  for (uint32_t cp = 0; cp < 128; cp++) {
    while (run + 1 < std::size(kUniRuns) && kUniRuns[run + 1].first <= cp) run++;
    flags[cp] = kUniRecords[kUniRuns[run].record].flags;
  }
  return flags;
}();

}  // namespace

uint16_t uni_flags(uint32_t cp) { return cp < 128 ? kAsciiFlags[cp] : record_of(cp).flags; }

void uni_case_append(std::string& out, uint32_t cp, UniCase kind) {
  const UniRecord& r = record_of(cp);
  if (r.flags & kUniSpecial) {
    if (const UniSpecial* s = special_of(cp)) {
      int k = static_cast<int>(kind);
      for (int i = 0; i < s->len[k]; i++) utf8_append(out, s->map[k][i]);
      return;
    }
  }
  utf8_append(out, static_cast<uint32_t>(static_cast<int32_t>(cp) + delta_of(r, kind)));
}

uint32_t uni_case_simple(uint32_t cp, UniCase kind) {
  const UniRecord& r = record_of(cp);
  if (r.flags & kUniSpecial) {
    if (const UniSpecial* s = special_of(cp)) return s->map[static_cast<int>(kind)][0];
  }
  return static_cast<uint32_t>(static_cast<int32_t>(cp) + delta_of(r, kind));
}

}  // namespace contrail::runtime
