// jit/params.h -- The JIT's tunable parameters (--jit-param name=value,...).
// One X-macro table: name, default, meaning. Defaults are tuned on
// benchmarks/ (see benchmarks/README.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace contrail::jit {

#define CT_JIT_PARAMS(_)                                                                  \
  _(hotloop, 100, "loop iterations before a loop is recorded")                            \
  _(hotexit, 10, "exits taken before a side trace is recorded from that exit")            \
  _(maxtrace, 1000, "maximum number of traces (root and side) before a flush")            \
  _(maxrecord, 4000, "maximum IR instructions in one trace")                              \
  _(maxside, 100, "maximum side traces per root trace")                                   \
  _(maxsidedepth, 4, "longest chain of side traces grown from side traces")               \
  _(maxsnap, 500, "maximum snapshots (exits) in one trace")                               \
  _(maxmcode, 16384, "code memory in KiB; when full, all traces are flushed")             \
  _(maxabort, 4, "recording aborts at one loop before it is blacklisted")                 \
  _(maxinline, 4, "maximum depth of inlined Python calls")                                \
  _(loopunroll, 8, "iterations of a compiled inner loop a side trace records before linking to it")

struct Params {
#define CT_JIT_PARAM_FIELD(name, def, doc) uint32_t name = def;
  CT_JIT_PARAMS(CT_JIT_PARAM_FIELD)
#undef CT_JIT_PARAM_FIELD
};

// Parses "name=value,name=value" into [p]; false with a message in *[err].
bool parse_params(std::string_view text, Params* p, std::string* err);
// One line per parameter: "name=default  meaning" (for --help).
std::string params_help();

}  // namespace contrail::jit
