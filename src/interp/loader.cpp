// src/interp/loader.cpp -- CodeUnit -> Code. Every intermediate object is
// rooted while the next one is allocated (the GC may run at each step).
#include "src/interp/loader.h"

#include <cstring>

#include "runtime/bigint_ops.h"
#include "runtime/inline_cache.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"

namespace contrail::interp {

using namespace runtime;

namespace {

Value load_const(Vm& vm, const front::ConstValue& c);

Value load_tuple(Vm& vm, const front::ConstTuple& items) {
  RootValue t(vm, tuple_new(vm, items.size()));
  if (t.get().is_exception()) return t;
  for (size_t i = 0; i < items.size(); ++i) {
    Value v = load_const(vm, items[i]);
    if (v.is_exception()) return v;
    t.get().as<Tuple>()->items[i] = v;
  }
  return t;
}

Value load_const(Vm& vm, const front::ConstValue& c) {
  struct Visitor {
    Vm& vm;
    Value operator()(const front::NoneConst&) { return Value::none(); }
    Value operator()(bool b) { return Value::boolean(b); }
    Value operator()(int64_t i) { return int_from_int64(vm, i); }
    Value operator()(const front::IntLiteral& lit) {
      return int_from_big(vm, big_parse_literal_digits(lit.digits, lit.base));
    }
    Value operator()(double d) { return Value::from_double(d); }
    Value operator()(const std::string& s) { return Value::object(str_intern(vm, s)); }
    Value operator()(const front::EllipsisConst&) { return vm.singleton_ellipsis; }
    Value operator()(const front::ConstTuple& t) { return load_tuple(vm, t); }
    Value operator()(const std::shared_ptr<front::CodeUnit>& u) { return load_code(vm, *u); }
  };
  return std::visit(Visitor{vm}, c.v);
}

Value str_tuple(Vm& vm, const std::vector<std::string>& names) {
  RootValue t(vm, tuple_new(vm, names.size()));
  if (t.get().is_exception()) return t;
  for (size_t i = 0; i < names.size(); ++i) t.get().as<Tuple>()->items[i] = Value::object(str_intern(vm, names[i]));
  return t;
}

template <class T>
RawArray* raw_from(Vm& vm, const std::vector<T>& v) {
  RawArray* a = raw_array_new(vm, v.size() * sizeof(T));
  if (a != nullptr && !v.empty()) std::memcpy(a->data, v.data(), v.size() * sizeof(T));
  return a;
}

}  // namespace

Value load_code(Vm& vm, const front::CodeUnit& unit) {
  Root<Code> code(vm, vm.alloc<Code>(vm.types.code));
  if (code.get() == nullptr) return Value::exception();
  Code* c = code;
  c->ninstr = static_cast<uint32_t>(unit.code.size());
  c->nlocals = static_cast<uint32_t>(unit.varnames.size());
  c->ncells = static_cast<uint32_t>(unit.cellvars.size());
  c->nfree = static_cast<uint32_t>(unit.freevars.size());
  c->argcount = static_cast<uint32_t>(unit.argcount);
  c->posonlyargcount = static_cast<uint32_t>(unit.posonlyargcount);
  c->kwonlyargcount = static_cast<uint32_t>(unit.kwonlyargcount);
  c->flags = unit.flags;
  c->max_stack = static_cast<uint32_t>(unit.max_stack) + 1;
  c->first_line = static_cast<uint32_t>(unit.first_line);
  c->nexc = static_cast<uint32_t>(unit.exception_table.size());
  code->name = str_intern(vm, unit.name);
  code->qualname = str_intern(vm, unit.qualname);
  code->filename = str_intern(vm, unit.filename);
  Value v = str_tuple(vm, unit.names);
  if (v.is_exception()) return v;
  code->names = v.as<Tuple>();
  if ((v = str_tuple(vm, unit.varnames)).is_exception()) return v;
  code->varnames = v.as<Tuple>();
  if ((v = str_tuple(vm, unit.cellvars)).is_exception()) return v;
  code->cellvars = v.as<Tuple>();
  if ((v = str_tuple(vm, unit.freevars)).is_exception()) return v;
  code->freevars = v.as<Tuple>();
  if ((v = load_tuple(vm, unit.consts)).is_exception()) return v;
  code->consts = v.as<Tuple>();
  std::vector<int32_t> lines(unit.lines.begin(), unit.lines.end());
  std::vector<int32_t> cell_param(unit.cell_param.begin(), unit.cell_param.end());
  cell_param.resize(unit.cellvars.size(), -1);
  std::vector<ExceptionRange> exc;
  for (const auto& e : unit.exception_table) exc.push_back(ExceptionRange{e.start, e.end, e.handler, e.depth});
  std::vector<uint32_t> counters(unit.code.size(), 0);
  if ((code->words = raw_from(vm, unit.code)) == nullptr) return Value::exception();
  if ((code->lines = raw_from(vm, lines)) == nullptr) return Value::exception();
  if ((code->exc_table = raw_from(vm, exc)) == nullptr) return Value::exception();
  if ((code->cell_param = raw_from(vm, cell_param)) == nullptr) return Value::exception();
  if ((code->counters = raw_from(vm, counters)) == nullptr) return Value::exception();
  if ((code->caches = raw_array_new(vm, unit.code.size() * sizeof(InlineCache))) == nullptr) return Value::exception();
  return Value::object(code.get());
}

}  // namespace contrail::interp
