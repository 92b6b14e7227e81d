// jit/params.cpp -- Parsing of --jit-param (jit/params.h).
#include "jit/params.h"

#include <charconv>

namespace contrail::jit {

bool parse_params(std::string_view text, Params* p, std::string* err) {
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      *err = "expected name=value in --jit-param, got '" + std::string(item) + "'";
      return false;
    }
    std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
    uint32_t v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size()) {
      *err = "invalid value '" + std::string(value) + "' for JIT parameter " + std::string(name);
      return false;
    }
#define CT_JIT_PARAM_SET(pname, def, doc) \
  if (name == #pname) {                   \
    p->pname = v;                         \
    continue;                             \
  }
    CT_JIT_PARAMS(CT_JIT_PARAM_SET)
#undef CT_JIT_PARAM_SET
    *err = "unknown JIT parameter '" + std::string(name) + "'";
    return false;
  }
  return true;
}

std::string params_help() {
  std::string out;
#define CT_JIT_PARAM_HELP(name, def, doc) \
  out += "    " #name "=" #def "  " doc "\n";
  CT_JIT_PARAMS(CT_JIT_PARAM_HELP)
#undef CT_JIT_PARAM_HELP
  return out;
}

}  // namespace contrail::jit
