// jit/ir_dump.cpp -- The textual IR listing behind --jit-dump.
// Format (one line per ref, so line N of the listing is ref N):
//   0007 int  ADDOV  0005 +1      snap #2
//   ref, result type (blank for Void), op name as in the CT_IR_OPS table,
//   operands, then op-specific immediates and the guard's snapshot.
// Operands that are constants print as values: ints "+5"/"-5", Bool
// "true"/"false", floats %.17g (always with a '.', 'e', "inf" or "nan"),
// boxed Values in braces ("{5}", "{2.5}", "{None}", "{obj@0x... str}"), raw
// pointers in hex. Snapshots follow: "snap #2 pc=14 nslots=5 [3=0007 4=+1]".
// Reads object headers of constants (klass names); they are alive as long as
// the trace is (Trace::gc_consts). Depends on jit/, runtime/value.h and
// runtime/object.h, runtime/obj_str.h only.
#include <bit>
#include <cctype>
#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <string>

#include "jit/opt.h"
#include "runtime/object.h"
#include "runtime/obj_str.h"

namespace contrail::jit {

using runtime::Value;

namespace {

__attribute__((format(printf, 1, 2))) std::string strf(const char* fmt, ...) {
  char buf[128];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

// a + b, built by appending (GCC 12 warns falsely on "lit" + std::string&&).
std::string cat(const char* a, const std::string& b) { return std::string(a).append(b); }
std::string cat(const char* a, const char* b) { return std::string(a).append(b); }

std::string ref_text(IrRef ref) { return strf("%04u", ref); }

std::string hex(int64_t imm) { return strf("0x%" PRIx64, static_cast<uint64_t>(imm)); }

std::string type_text(IrType type) {
  if (type == IrType::Void) return "";
  std::string s = ir_type_name(type);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string flt_text(double d) {
  std::string s = strf("%.17g", d);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

std::string klass_text(const runtime::Klass* k) {
  if (k && k->name) return std::string(k->name->view());
  return cat("klass@", hex(reinterpret_cast<int64_t>(k)));
}

// A boxed Value, decoded, without braces.
std::string val_body(Value v) {
  if (v.is_small_int()) return strf("%" PRId64, v.as_small_int());
  if (v.is_double()) return flt_text(v.as_double());
  if (v.is_none()) return "None";
  if (v.is_true()) return "True";
  if (v.is_false()) return "False";
  if (v.is_null()) return "NULL";
  if (v.is_exception()) return "EXCEPTION";
  if (v.is_obj()) {
    const runtime::Obj* o = v.as_obj();
    std::string s = cat("obj@", hex(reinterpret_cast<int64_t>(o)));
    if (o && o->klass) s.append(" ").append(klass_text(o->klass));
    return s;
  }
  return hex(static_cast<int64_t>(v.bits()));
}

std::string val_text(int64_t bits) {
  return cat("{", val_body(Value::from_bits(static_cast<uint64_t>(bits)))).append("}");
}

// The value of constant instruction [k].
std::string const_text(const Ins& k) {
  switch (k.op) {
    case IrOp::KINT:
      if (k.type == IrType::Bool) return k.imm ? "true" : "false";
      return strf("%+" PRId64, k.imm);
    case IrOp::KFLT: return flt_text(std::bit_cast<double>(k.imm));
    case IrOp::KVAL: return val_text(k.imm);
    default: return hex(k.imm);
  }
}

// An operand: its constant's value, or its ref.
std::string operand_text(const Trace& t, IrRef ref) {
  if (ref == kNoRef) return "----";
  if (ref < t.ir.size() && ir_is_const(t.ir[ref].op)) return const_text(t.ir[ref]);
  return ref_text(ref);
}

std::string call_text(const Trace& t, const Ins& ins) {
  if (ins.imm < 0 || static_cast<size_t>(ins.imm) >= t.calls.size()) return strf("call#%" PRId64 "?", ins.imm);
  const CallDesc& call = t.calls[static_cast<size_t>(ins.imm)];
  std::string s = cat(call.name, "(");
  for (uint8_t i = 0; i < call.nargs && i < 6; ++i) s.append(i ? ", " : "").append(operand_text(t, call.args[i]));
  return s.append(")");
}

// The immediate of [ins] as its op means it; empty when it has none.
std::string imm_text(const Trace& t, const Ins& ins) {
  switch (ins.op) {
    case IrOp::SLOAD: case IrOp::SSTORE: return strf("#%" PRId64, ins.imm);
    case IrOp::GKLASS: return klass_text(reinterpret_cast<const runtime::Klass*>(ins.imm));
    case IrOp::GEQV: return val_text(ins.imm);
    case IrOp::GBOUND: return strf("%+" PRId64, ins.imm);
    case IrOp::GEQP:
      if (ins.a < t.ir.size() && t.ir[ins.a].type == IrType::Int) return strf("%+" PRId64, ins.imm);
      return hex(ins.imm);
    case IrOp::LDI: case IrOp::LDP: case IrOp::LDV: case IrOp::LDXV: case IrOp::STI:
    case IrOp::STXV: case IrOp::PREFETCH: case IrOp::LDXB: case IrOp::STXB:
      return strf("[%+" PRId64 "]", ins.imm);
    case IrOp::JTRACE: return strf("trace #%" PRId64, ins.imm);
    case IrOp::RETF:
      if (ins.imm < 0 || static_cast<size_t>(ins.imm) >= t.returns.size()) return strf("ret#%" PRId64 "?", ins.imm);
      return strf("caller base%+d", t.returns[static_cast<size_t>(ins.imm)].locals_delta);
    default: return "";
  }
}

std::string operands_text(const Trace& t, const Ins& ins) {
  if (ir_is_const(ins.op)) return const_text(ins);
  if (ins.op == IrOp::CALL) return call_text(t, ins);
  std::string s;
  for (IrRef r : {ins.a, ins.b, ins.c}) {
    if (r != kNoRef) s.append(s.empty() ? "" : " ").append(operand_text(t, r));
  }
  const std::string imm = imm_text(t, ins);
  if (!imm.empty()) s.append(s.empty() ? "" : " ").append(imm);
  return s;
}

std::string snap_text(const Trace& t, uint32_t i) {
  const Snapshot& s = t.snaps[i];
  std::string out = strf("snap #%u pc=%u nslots=%u [", i, s.pc, s.nslots);
  for (uint32_t j = 0; j < s.count; ++j) {
    const size_t e = size_t{s.first} + j;
    if (e >= t.snap_entries.size()) break;
    out.append(strf("%s%u=", j ? " " : "", t.snap_entries[e].slot)).append(operand_text(t, t.snap_entries[e].ref));
  }
  out += "]";
  if (s.side >= 0) out += strf(" side=%d", s.side);
  return out;
}

}  // namespace

std::string ir_dump_ins(const Trace& t, IrRef ref) {
  const Ins& ins = t.ir[ref];
  std::string line = strf("%04u %-4s %-6s ", ref, type_text(ins.type).c_str(), ir_op_name(ins.op));
  const std::string ops = operands_text(t, ins);
  line += ops;
  if (ins.snap != kNoSnap) {
    line.append(ops.size() < 11 ? 11 - ops.size() : 0, ' ');
    line += strf(" snap #%u", ins.snap);
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string ir_dump(const Trace& t) {
  std::string out;
  for (IrRef ref = 0; ref < t.ir.size(); ++ref) out.append(ir_dump_ins(t, ref)).append("\n");
  for (uint32_t i = 0; i < t.snaps.size(); ++i) out.append(snap_text(t, i)).append("\n");
  return out;
}

}  // namespace contrail::jit
