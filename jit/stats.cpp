// jit/stats.cpp -- What users see of the JIT: the --jit-stats summary printed
// at exit and the per-trace --jit-dump listing (recorded bytecode, IR with
// snapshots, assembly). Both go to stderr, after stdout is flushed.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "jit/jit_state.h"
#include "jit/opt.h"
#include "runtime/vm.h"

namespace contrail::jit {

void print_stats(const Jit& jit) {
  jit.vm.flush_stdout();
  const JitStats& s = jit.stats;
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - jit.started).count();
  std::string out;
  char buf[256];
  out += "JIT statistics\n";
  std::snprintf(buf, sizeof buf, "  traces recorded      %llu\n", static_cast<unsigned long long>(s.recorded));
  out += buf;
  std::snprintf(buf, sizeof buf, "  traces compiled      %llu (%llu side traces)\n",
                static_cast<unsigned long long>(s.compiled), static_cast<unsigned long long>(s.side_compiled));
  out += buf;
  std::snprintf(buf, sizeof buf, "  traces aborted       %llu\n", static_cast<unsigned long long>(s.aborted));
  out += buf;
  std::vector<std::pair<uint64_t, std::string>> reasons;
  for (const auto& [r, n] : s.abort_reasons) reasons.emplace_back(n, r);
  std::sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [n, r] : reasons) {
    std::snprintf(buf, sizeof buf, "    %6llu  ", static_cast<unsigned long long>(n));
    out += buf + r + "\n";
  }
  std::snprintf(buf, sizeof buf, "  loops blacklisted    %llu\n", static_cast<unsigned long long>(s.blacklisted));
  out += buf;
  std::snprintf(buf, sizeof buf, "  trace entries        %llu\n", static_cast<unsigned long long>(s.entries));
  out += buf;
  std::snprintf(buf, sizeof buf, "  exits taken          %llu\n", static_cast<unsigned long long>(s.exits));
  out += buf;
  struct Hot {
    uint32_t taken;
    int trace;
    uint32_t snap;
    std::string at;
  };
  std::vector<Hot> hot;
  for (const auto& t : jit.traces) {
    if (!t) continue;
    for (uint32_t i = 0; i < t->snaps.size(); ++i)
      if (t->snaps[i].taken > 0) hot.push_back({t->snaps[i].taken, t->id, i, jit.where(t->snaps[i].code ? t->snaps[i].code : t->code, t->snaps[i].pc)});
  }
  std::sort(hot.begin(), hot.end(), [](const Hot& a, const Hot& b) { return a.taken > b.taken; });
  if (hot.size() > 5) hot.resize(5);
  for (const Hot& h : hot) {
    std::snprintf(buf, sizeof buf, "    %6u  trace %d exit %u (%s)\n", h.taken, h.trace, h.snap, h.at.c_str());
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "  IR instructions      %llu\n", static_cast<unsigned long long>(s.ir_total));
  out += buf;
  std::snprintf(buf, sizeof buf, "  machine code         %llu bytes\n", static_cast<unsigned long long>(s.mcode_total));
  out += buf;
  std::snprintf(buf, sizeof buf, "  code flushes         %llu\n", static_cast<unsigned long long>(s.flushes));
  out += buf;
  std::snprintf(buf, sizeof buf, "  compile time         %.3f ms\n", s.compile_seconds * 1e3);
  out += buf;
  std::snprintf(buf, sizeof buf, "  time in traces       %.1f%% of %.3f s\n",
                total > 0 ? 100.0 * s.trace_seconds / total : 0.0, total);
  out += buf;
  std::fputs(out.c_str(), stderr);
}

void dump_trace(const Jit& jit, const Trace& t) {
  jit.vm.flush_stdout();
  std::string out = "---- TRACE " + std::to_string(t.id);
  if (t.parent >= 0) out += " (side trace of " + std::to_string(t.parent) + " exit " + std::to_string(t.parent_exit) + ")";
  out += " at " + jit.where(t.code, t.start_pc) + "\n";
  out += "---- bytecode\n";
  for (const std::string& line : t.recorded) out += "  " + line + "\n";
  out += "---- IR\n" + ir_dump(t);
  out += "---- machine code (" + std::to_string(t.mcode_size) + " bytes)\n" + t.asm_text;
  if (!out.empty() && out.back() != '\n') out += "\n";
  std::fputs(out.c_str(), stderr);
}

}  // namespace contrail::jit
