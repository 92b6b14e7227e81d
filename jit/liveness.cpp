// jit/liveness.cpp -- Live fast locals per instruction (jit/liveness.h).
#include "jit/liveness.h"

#include <string_view>

#include "runtime/bytecode.h"
#include "runtime/obj_func.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"

namespace contrail::jit {

using namespace runtime;

namespace {

// Names through which a function can read its own frame's locals.
bool sees_own_locals(Code* code) {
  static constexpr std::string_view kNames[] = {"locals", "vars", "dir", "eval", "exec", "super"};
  for (uint64_t i = 0; i < code->names->size; ++i) {
    Value v = code->names->items[i];
    if (!v.is_obj()) continue;
    std::string_view name = static_cast<Str*>(v.as_obj())->view();
    for (std::string_view k : kNames)
      if (name == k) return true;
  }
  return false;
}

}  // namespace

LocalLiveness::LocalLiveness(Code* code)
    : ninstr_(code->ninstr), nlocals_(code->nlocals), words_((code->nlocals + 63) / 64) {
  if (nlocals_ == 0) return;
  if (sees_own_locals(code)) {
    all_live_ = true;
    return;
  }
  bits_.assign(size_t{ninstr_} * words_, 0);
  const uint32_t* words = code->code();
  const auto* ranges = code->exc_table->as<ExceptionRange>();
  std::vector<uint64_t> out(words_);
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t pc = ninstr_; pc-- > 0;) {
      const Op op = static_cast<Op>(words[pc] & 0xff);
      const uint32_t arg = words[pc] >> 8;
      std::fill(out.begin(), out.end(), 0);
      auto add = [&](uint32_t succ) {
        if (succ >= ninstr_) return;
        for (uint32_t w = 0; w < words_; ++w) out[w] |= bits_[size_t{succ} * words_ + w];
      };
      if (op_falls_through(op)) add(pc + 1);
      if (op_operand(op) == OperandKind::JUMP) add(arg);
      for (uint32_t e = 0; e < code->nexc; ++e)
        if (pc >= ranges[e].start && pc < ranges[e].end) add(ranges[e].handler);
      if (op == Op::STORE_FAST && arg < nlocals_) out[arg / 64] &= ~(uint64_t{1} << (arg % 64));
      if ((op == Op::LOAD_FAST || op == Op::DELETE_FAST) && arg < nlocals_) out[arg / 64] |= uint64_t{1} << (arg % 64);
      for (uint32_t w = 0; w < words_; ++w) {
        uint64_t& in = bits_[size_t{pc} * words_ + w];
        if (in != out[w]) {
          in = out[w];
          changed = true;
        }
      }
    }
  }
}

}  // namespace contrail::jit
