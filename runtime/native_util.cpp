// runtime/native_util.cpp -- Argument checking and registration helpers for natives.
#include "runtime/native_util.h"

#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"

namespace contrail::runtime {

void add_method(Vm& vm, Klass* klass, const char* name, NativeFn fn) {
  RootValue f(vm, native_new(vm, name, fn, klass));
  dict_set(vm, klass->dict, Value::object(str_intern(vm, name)), f);
}

void add_function(Vm& vm, Dict* dict, const char* name, NativeFn fn) {
  Root<Dict> d(vm, dict);
  RootValue f(vm, native_new(vm, name, fn));
  dict_set(vm, d, Value::object(str_intern(vm, name)), f);
}

void dict_set_name(Vm& vm, Dict* dict, std::string_view name, Value value) {
  Root<Dict> d(vm, dict);
  RootValue v(vm, value);
  dict_set(vm, d, Value::object(str_intern(vm, name)), v);
}

static std::string plural(int n, const char* word) {
  std::string s = std::to_string(n) + " " + word;
  if (n != 1) s += "s";
  return s;
}

bool check_args(Vm& vm, const CallArgs& args, const char* fname, int min, int max) {
  if (!check_no_kwargs(vm, args, fname)) return false;
  int n = static_cast<int>(args.positional.size());
  if (n >= min && (max < 0 || n <= max)) return true;
  std::string msg = fname;
  if (min == 0 && max == 0) {
    msg += "() takes no arguments (" + std::to_string(n) + " given)";
  } else if (min == 1 && max == 1) {
    msg += "() takes exactly one argument (" + std::to_string(n) + " given)";
  } else if (n < min) {
    msg += " expected at least " + plural(min, "argument") + ", got " + std::to_string(n);
  } else {
    msg += " expected at most " + plural(max, "argument") + ", got " + std::to_string(n);
  }
  raise(vm, vm.types.TypeError, msg);
  return false;
}

bool check_no_kwargs(Vm& vm, const CallArgs& args, const char* fname) {
  if (args.kwvalues.empty()) return true;
  raise(vm, vm.types.TypeError, std::string(fname) + "() takes no keyword arguments");
  return false;
}

Value kwarg(const CallArgs& args, std::string_view name) {
  if (args.kwnames == nullptr) return Value::null();
  for (size_t i = 0; i < args.kwnames->size; ++i)
    if (args.kwnames->items[i].as<Str>()->view() == name) return args.kwvalues[i];
  return Value::null();
}

bool check_kwargs(Vm& vm, const CallArgs& args, const char* fname, const char* const* allowed) {
  if (args.kwnames == nullptr) return true;
  for (size_t i = 0; i < args.kwnames->size; ++i) {
    std::string_view name = args.kwnames->items[i].as<Str>()->view();
    bool ok = false;
    for (const char* const* a = allowed; *a != nullptr; ++a)
      if (name == *a) ok = true;
    if (!ok) {
      std::string msg = std::string(fname) + "() got an unexpected keyword argument '";
      msg += name;
      msg += "'";
      raise(vm, vm.types.TypeError, msg);
      return false;
    }
  }
  return true;
}

}  // namespace contrail::runtime
