// src/front/disassemble.cpp -- `contrail --dis`: CPython-dis-like listing.
// Layout per instruction (dis.Instruction._disassemble): line number (3
// wide, only where a new line starts, with a blank line before it), jump
// target marker ">>", offset (instruction index, 4 wide), opcode name (20
// wide), argument (5 wide) and its meaning in parentheses. Each code object
// is followed by its exception table and then its nested code objects.
// Depends on code_unit.h and runtime/bytecode.h only.
#include "src/front/disassemble.h"

#include <charconv>
#include <cstdio>
#include <set>

#include "runtime/bytecode.h"

namespace contrail::front {

using runtime::Instr;
using runtime::Op;
using runtime::OperandKind;

namespace {

std::string repr_str(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos, has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

// Python's repr(float): shortest round-trip digits, scientific outside [1e-4, 1e16).
std::string repr_float(double d) {
  if (d != d) return "nan";
  if (d == 1.0 / 0.0) return "inf";
  if (d == -1.0 / 0.0) return "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  bool neg = mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out;
  if (exp < -4 || exp >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  } else if (exp < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else {
    size_t point = static_cast<size_t>(exp) + 1;
    if (digits.size() <= point) out = digits + std::string(point - digits.size(), '0') + ".0";
    else out = digits.substr(0, point) + "." + digits.substr(point);
  }
  return neg ? "-" + out : out;
}

std::string code_label(const CodeUnit& c) {
  return "<code object " + c.name + ", file \"" + c.filename + "\", line " + std::to_string(c.first_line) + ">";
}

std::string repr_const(const ConstValue& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, NoneConst>) return "None";
        else if constexpr (std::is_same_v<T, bool>) return x ? "True" : "False";
        else if constexpr (std::is_same_v<T, int64_t>) return std::to_string(x);
        else if constexpr (std::is_same_v<T, IntLiteral>) {
          if (x.base == 10) return x.digits;
          return std::string(x.base == 16 ? "0x" : x.base == 8 ? "0o" : "0b") + x.digits;
        } else if constexpr (std::is_same_v<T, double>) return repr_float(x);
        else if constexpr (std::is_same_v<T, std::string>) return repr_str(x);
        else if constexpr (std::is_same_v<T, EllipsisConst>) return "Ellipsis";
        else if constexpr (std::is_same_v<T, ConstTuple>) {
          std::string out = "(";
          for (size_t i = 0; i < x.size(); i++) {
            if (i) out += ", ";
            out += repr_const(x[i]);
          }
          if (x.size() == 1) out += ",";
          return out + ")";
        } else {
          return x ? code_label(*x) : "<code object ?>";
        }
      },
      v.v);
}

template <typename T>
std::string at(const std::vector<T>& v, uint32_t i) {
  if (i < v.size()) return std::string(v[i]);
  std::string out(1, '<');
  out += std::to_string(i);
  out += "?>";
  return out;
}

std::string arg_meaning(const CodeUnit& c, Op op, uint32_t arg) {
  switch (runtime::op_operand(op)) {
    case OperandKind::CONST: return arg < c.consts.size() ? repr_const(c.consts[arg]) : "<bad const>";
    case OperandKind::NAME: return at(c.names, arg);
    case OperandKind::LOCAL: return at(c.varnames, arg);
    case OperandKind::CELL: {
      if (arg < c.cellvars.size()) return c.cellvars[arg];
      return at(c.freevars, arg - static_cast<uint32_t>(c.cellvars.size()));
    }
    case OperandKind::JUMP: return "to " + std::to_string(arg);
    case OperandKind::OP:
      if (op == Op::BINARY_OP) return arg < 2u * runtime::kBinOpInplaceOffset ? runtime::binop_symbol(static_cast<runtime::BinOp>(arg)) : "?";
      if (op == Op::COMPARE_OP) return arg < 6 ? runtime::cmpop_symbol(static_cast<runtime::CmpOp>(arg)) : "?";
      return "";
    case OperandKind::COUNT:
      if (op == Op::IS_OP) return arg ? "is not" : "is";
      if (op == Op::CONTAINS_OP) return arg ? "not in" : "in";
      if (op == Op::FORMAT_VALUE) {
        static const char* conv[] = {"", "str", "repr", "ascii"};
        std::string s = conv[arg & runtime::kFormatConvMask];
        if (arg & runtime::kFormatHasSpec) s += s.empty() ? "with format" : ", with format";
        return s;
      }
      if (op == Op::MAKE_FUNCTION) {
        std::string s;
        auto add = [&](const char* w) { s += s.empty() ? w : std::string(", ") + w; };
        if (arg & runtime::kFnDefaults) add("defaults");
        if (arg & runtime::kFnKwDefaults) add("kwdefaults");
        if (arg & runtime::kFnClosure) add("closure");
        return s;
      }
      if (op == Op::UNPACK_EX) return std::to_string(arg & 0xff) + ", " + std::to_string(arg >> 8);
      return "";
    case OperandKind::NONE: return "";
  }
  return "";
}

std::string pad_left(const std::string& s, size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }
std::string pad_right(const std::string& s, size_t w) { return s.size() >= w ? s : s + std::string(w - s.size(), ' '); }

void disassemble_one(const CodeUnit& c, std::string& out) {
  std::set<uint32_t> targets;
  for (uint32_t word : c.code) {
    Op op = Instr::op(word);
    if (runtime::op_operand(op) == OperandKind::JUMP) targets.insert(Instr::arg(word));
  }
  for (const ExceptionEntry& e : c.exception_table) targets.insert(e.handler);
  int last_line = -1;
  for (size_t i = 0; i < c.code.size(); i++) {
    uint32_t word = c.code[i];
    Op op = Instr::op(word);
    uint32_t arg = Instr::arg(word);
    int line = i < c.lines.size() ? c.lines[i] : 0;
    std::string text;
    if (line != last_line) {
      if (i > 0) out += "\n";
      text += pad_left(std::to_string(line), 3);
      last_line = line;
    } else {
      text += "   ";
    }
    text += "    ";
    text += targets.count(static_cast<uint32_t>(i)) ? ">>" : "  ";
    text += ' ';
    text += pad_left(std::to_string(i), 4);
    text += ' ';
    text += pad_right(runtime::op_name(op), 20);
    if (runtime::op_operand(op) != OperandKind::NONE) {
      text += ' ';
      text += pad_left(std::to_string(arg), 5);
      std::string meaning = arg_meaning(c, op, arg);
      if (!meaning.empty()) text += " (" + meaning + ")";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  if (!c.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionEntry& e : c.exception_table) {
      out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 1) + " -> " + std::to_string(e.handler) +
             " [" + std::to_string(e.depth) + "]\n";
    }
  }
}

void disassemble_rec(const CodeUnit& c, std::string& out, bool header) {
  if (header) out += "Disassembly of " + code_label(c) + ":\n";
  disassemble_one(c, out);
  for (const ConstValue& k : c.consts) {
    if (const auto* sub = std::get_if<std::shared_ptr<CodeUnit>>(&k.v)) {
      if (!*sub) continue;
      out += "\n";
      disassemble_rec(**sub, out, true);
    }
  }
}

}  // namespace

std::string disassemble(const CodeUnit& code) {
  std::string out;
  disassemble_rec(code, out, false);
  return out;
}

}  // namespace contrail::front
