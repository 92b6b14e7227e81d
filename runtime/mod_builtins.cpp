// runtime/mod_builtins.cpp -- The builtins module: every built-in type object
// under its name, the NotImplemented/Ellipsis singletons, and the built-in
// functions (print, len, min, max, sum, sorted, isinstance, ...), plus the
// `type` type's construct slot (type(x)).
// Invariants: every function checks its arguments with CPython 3.11's exact
// messages before doing anything observable; Values held across an
// allocation are rooted (arguments arrive rooted from the caller).
// Depends on runtime/ only (ops, native_util and the object headers).
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/arith.h"
#include "runtime/native_util.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_generator.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

// -- Small helpers -------------------------------------------------------------

Value type_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.TypeError, msg); }
Value value_error(Vm& vm, const std::string& msg) { return raise(vm, vm.types.ValueError, msg); }

std::string tname(Vm& vm, Value v) { return std::string(type_name(vm, v)); }

bool is_str(Vm& vm, Value v) { return v.is_obj() && is_instance(vm, v, vm.types.str); }
bool is_klass(Vm& vm, Value v) { return v.is_obj() && is_instance(vm, v, vm.types.type); }

// "name expected N arguments, got M" for fixed arity N >= 2 (CPython's
// _PyArg_CheckPositional wording, which check_args does not produce).
bool check_exact(Vm& vm, const CallArgs& args, const char* fname, size_t n) {
  if (!check_no_kwargs(vm, args, fname)) return false;
  if (args.positional.size() == n) return true;
  type_error(vm, std::string(fname) + " expected " + std::to_string(n) + " arguments, got " +
                     std::to_string(args.positional.size()));
  return false;
}

// The name of keyword argument [i].
std::string_view kw_name(const CallArgs& args, size_t i) { return args.kwnames->items[i].as<Str>()->view(); }

// Raises "'x' is an invalid keyword argument for f()" (PyArg_ParseTupleAndKeywords).
Value invalid_keyword(Vm& vm, std::string_view name, const char* fname) {
  std::string msg = "'";
  msg += name;
  msg += "' is an invalid keyword argument for ";
  msg += fname;
  msg += "()";
  return type_error(vm, msg);
}

// Binds positional-or-keyword parameters [names] (clinic style): fills
// out[i] with the argument or NULL. Raises CPython's messages for surplus
// positionals, unknown keywords and duplicates.
bool bind(Vm& vm, const CallArgs& args, const char* fname, std::initializer_list<const char*> names,
          Value* out) {
  size_t n = names.size();
  for (size_t i = 0; i < n; ++i) out[i] = Value::null();
  size_t npos = args.positional.size();
  if (npos > n) {
    type_error(vm, std::string(fname) + "() takes at most " + std::to_string(n) + " argument" +
                       (n == 1 ? "" : "s") + " (" + std::to_string(npos + args.kwvalues.size()) + " given)");
    return false;
  }
  for (size_t i = 0; i < npos; ++i) out[i] = args.positional[i];
  for (size_t k = 0; k < args.kwvalues.size(); ++k) {
    std::string_view name = kw_name(args, k);
    size_t i = 0;
    for (const char* p : names) {
      if (name == p) break;
      ++i;
    }
    if (i == n) {
      std::string msg = std::string(fname) + "() got an unexpected keyword argument '";
      msg += name;
      type_error(vm, msg + "'");
      return false;
    }
    if (!out[i].is_null()) {
      std::string msg = "argument for " + std::string(fname) + "() given by name ('";
      msg += name;
      type_error(vm, msg + "') and position (" + std::to_string(i + 1) + ")");
      return false;
    }
    out[i] = args.kwvalues[k];
  }
  return true;
}

// Raises "f() missing required argument 'x' (pos N)".
Value missing_arg(Vm& vm, const char* fname, const char* name, int pos) {
  return type_error(vm, std::string(fname) + "() missing required argument '" + name + "' (pos " +
                            std::to_string(pos) + ")");
}

// PyNumber_Index: requires an int (or bool); "'float' object cannot be
// interpreted as an integer" otherwise.
bool require_index(Vm& vm, Value v) {
  if (is_int_like(vm, v)) return true;
  type_error(vm,
             std::string("'").append(tname(vm, v)).append("' object cannot be interpreted as an integer"));
  return false;
}

// None as NULL (an omitted optional argument).
Value none_to_null(Value v) { return v.is_none() ? Value::null() : v; }

// Builds a list from any iterable.
Value list_from_iterable(Vm& vm, Value iterable) {
  RootValue it(vm, get_iter(vm, iterable));
  CT_TRY(it.get());
  Root<List> list(vm, nullptr);
  Value l = list_new(vm);
  CT_TRY(l);
  list.set(l.as<List>());
  for (;;) {
    Value x = iter_next(vm, it);
    CT_TRY(x);
    if (x.is_null()) break;
    if (!list_append(vm, list, x)) return Value::exception();
  }
  return Value::object(list.get());
}

// -- print ----------------------------------------------------------------------

// Optional str-or-None keyword of print(): NULL when absent or None.
bool print_text_kw(Vm& vm, Value v, const char* what, Value* out) {
  if (v.is_null() || v.is_none()) {
    *out = Value::null();
    return true;
  }
  if (!is_str(vm, v)) {
    type_error(vm, std::string(what) + " must be None or a string, not " + tname(vm, v));
    return false;
  }
  *out = v;
  return true;
}

// print(..., file=f): each piece goes through f.write(), as CPython does.
Value print_to_file(Vm& vm, const CallArgs& args, Value file, Value sep, Value end, bool flush) {
  static const char* const kWrite = "write";
  RootValue write(vm, get_attr(vm, file, str_intern(vm, kWrite)));
  CT_TRY(write.get());
  RootValue piece(vm);
  for (size_t i = 0; i < args.positional.size(); ++i) {
    if (i > 0) {
      piece.set(sep.is_null() ? str_new(vm, " ") : sep);
      CT_TRY(piece.get());
      CT_TRY(call1(vm, write, piece));
    }
    piece.set(to_str(vm, args.positional[i]));
    CT_TRY(piece.get());
    CT_TRY(call1(vm, write, piece));
  }
  piece.set(end.is_null() ? str_new(vm, "\n") : end);
  CT_TRY(piece.get());
  CT_TRY(call1(vm, write, piece));
  if (flush) {
    RootValue f(vm, get_attr(vm, file, str_intern(vm, "flush")));
    CT_TRY(f.get());
    CT_TRY(call0(vm, f));
  }
  return Value::none();
}

Value builtin_print(Vm& vm, const CallArgs& args) {
  Value sep_kw = Value::null(), end_kw = Value::null(), file = Value::null(), flush_kw = Value::null();
  for (size_t k = 0; k < args.kwvalues.size(); ++k) {
    std::string_view name = kw_name(args, k);
    if (name == "sep")
      sep_kw = args.kwvalues[k];
    else if (name == "end")
      end_kw = args.kwvalues[k];
    else if (name == "file")
      file = args.kwvalues[k];
    else if (name == "flush")
      flush_kw = args.kwvalues[k];
    else
      return invalid_keyword(vm, name, "print");
  }
  Value sep, end;
  if (!print_text_kw(vm, sep_kw, "sep", &sep) || !print_text_kw(vm, end_kw, "end", &end))
    return Value::exception();
  bool flush = false;
  if (!flush_kw.is_null()) {
    int t = truthy(vm, flush_kw);
    if (t < 0) return Value::exception();
    flush = t != 0;
  }
  if (!file.is_null() && !file.is_none()) return print_to_file(vm, args, file, sep, end, flush);
  std::string out;
  for (size_t i = 0; i < args.positional.size(); ++i) {
    if (i > 0) out += sep.is_null() ? std::string_view(" ") : sep.as<Str>()->view();
    if (!str_append(vm, out, args.positional[i])) {
      vm.write_stdout(out);  // CPython has already written the earlier pieces
      return Value::exception();
    }
  }
  out += end.is_null() ? std::string_view("\n") : end.as<Str>()->view();
  vm.write_stdout(out);
  if (flush) vm.flush_stdout();
  return Value::none();
}

// -- Simple one-argument functions ---------------------------------------------

Value builtin_len(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "len", 1, 1)) return Value::exception();
  int64_t n;
  if (!length(vm, args.positional[0], &n)) return Value::exception();
  return int_from_int64(vm, n);
}

Value builtin_repr(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "repr", 1, 1)) return Value::exception();
  return repr(vm, args.positional[0]);
}

Value builtin_ascii(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "ascii", 1, 1)) return Value::exception();
  return ascii_of(vm, args.positional[0]);
}

Value builtin_abs(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "abs", 1, 1)) return Value::exception();
  if (type_of(vm, args.positional[0])->flags & kKlassUser) {
    Value r = call_special(vm, args.positional[0], "__abs__", {});
    if (!r.is_null()) return r;
  }
  return arith_abs(vm, args.positional[0]);
}

Value builtin_hash(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "hash", 1, 1)) return Value::exception();
  int64_t h;
  if (!hash_value(vm, args.positional[0], &h)) return Value::exception();
  return int_from_int64(vm, h);
}

// id(): the object's address; immediates (ints, floats, bools, None) get a
// stable number derived from their bits, which never collides with an
// address (addresses have zero tag bits).
Value builtin_id(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "id", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (v.is_obj()) return int_from_int64(vm, static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.as_obj())));
  return int_from_big(vm, big_from_uint64(v.bits()));
}

Value builtin_callable_impl(Vm& vm, Value v) {
  if (!v.is_obj()) return Value::boolean(false);
  Klass* k = v.as_obj()->klass;
  if (k == vm.types.function || k == vm.types.native || k == vm.types.method || is_klass(vm, v))
    return Value::boolean(true);
  for (Klass* c = k; c != nullptr; c = c->base) {
    if (c->call != nullptr) return Value::boolean(true);
    if (c->dict != nullptr && !dict_get_str(c->dict, str_intern(vm, "__call__")).is_null())
      return Value::boolean(true);
  }
  return Value::boolean(false);
}

Value builtin_callable(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "callable", 1, 1)) return Value::exception();
  return builtin_callable_impl(vm, args.positional[0]);
}

// -- Iteration -----------------------------------------------------------------

Value builtin_iter(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "iter", 1, 2)) return Value::exception();
  if (args.positional.size() == 1) return get_iter(vm, args.positional[0]);
  Value fn = args.positional[0];
  if (builtin_callable_impl(vm, fn).is_false()) return type_error(vm, "iter(v, w): v must be callable");
  // obj_iter.cpp builds the callable_iterator (its construct slot).
  return vm.types.callable_iterator->construct(vm, CallArgs{args.positional, {}, nullptr});
}

Value builtin_next(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "next", 1, 2)) return Value::exception();
  // A finishing generator's StopIteration carries its return value.
  if (args.positional.size() == 1 && args.positional[0].is_obj() &&
      args.positional[0].as_obj()->klass == vm.types.generator)
    return generator_send(vm, args.positional[0], Value::none());
  Value r = iter_next(vm, args.positional[0]);
  if (!r.is_null()) return r;
  if (args.positional.size() == 2) return args.positional[1];
  RootValue empty(vm, tuple_new(vm, 0));
  CT_TRY(empty.get());
  Value exc = exception_with_args(vm, vm.types.StopIteration, empty);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

// any()/all(): [want] is the truth value that short-circuits.
Value any_all(Vm& vm, const CallArgs& args, const char* fname, bool want) {
  if (!check_args(vm, args, fname, 1, 1)) return Value::exception();
  RootValue it(vm, get_iter(vm, args.positional[0]));
  CT_TRY(it.get());
  for (;;) {
    Value x = iter_next(vm, it);
    CT_TRY(x);
    if (x.is_null()) return Value::boolean(!want);
    int t = truthy(vm, x);
    if (t < 0) return Value::exception();
    if ((t != 0) == want) return Value::boolean(want);
  }
}

Value builtin_any(Vm& vm, const CallArgs& args) { return any_all(vm, args, "any", true); }
Value builtin_all(Vm& vm, const CallArgs& args) { return any_all(vm, args, "all", false); }

// -- min / max -------------------------------------------------------------------

// Yields the candidates of min()/max(): the items of one iterable, or the
// positional arguments themselves.
class Candidates {
 public:
  Candidates(Vm& vm, const CallArgs& args) : vm_(vm), args_(args), it_(vm) {}
  bool start() {
    if (args_.positional.size() != 1) return true;
    it_.set(get_iter(vm_, args_.positional[0]));
    return !it_.get().is_exception();
  }
  // The next candidate, NULL at the end, or EXCEPTION.
  Value next() {
    if (args_.positional.size() == 1) return iter_next(vm_, it_);
    if (index_ == args_.positional.size()) return Value::null();
    return args_.positional[index_++];
  }

 private:
  Vm& vm_;
  const CallArgs& args_;
  RootValue it_;
  size_t index_ = 0;
};

Value min_max(Vm& vm, const CallArgs& args, CmpOp op, const char* fname) {
  Value key = Value::null(), dflt = Value::null();
  for (size_t k = 0; k < args.kwvalues.size(); ++k) {
    std::string_view name = kw_name(args, k);
    if (name == "key")
      key = none_to_null(args.kwvalues[k]);
    else if (name == "default")
      dflt = args.kwvalues[k];
    else
      return invalid_keyword(vm, name, fname);
  }
  size_t n = args.positional.size();
  if (n == 0) return type_error(vm, std::string(fname) + " expected at least 1 argument, got 0");
  if (n > 1 && !dflt.is_null())
    return type_error(
        vm, std::string("Cannot specify a default for ") + fname + "() with multiple positional arguments");
  Candidates items(vm, args);
  if (!items.start()) return Value::exception();
  RootValue best(vm), best_key(vm);
  for (;;) {
    RootValue item(vm, items.next());
    CT_TRY(item.get());
    if (item.get().is_null()) break;
    RootValue k(vm, key.is_null() ? item.get() : call1(vm, key, item));
    CT_TRY(k.get());
    if (best.get().is_null()) {
      best.set(item);
      best_key.set(k);
      continue;
    }
    Value c = compare(vm, k, best_key, op);
    CT_TRY(c);
    int t = c.is_bool() ? c.as_bool() : truthy(vm, c);
    if (t < 0) return Value::exception();
    if (t) {
      best.set(item);
      best_key.set(k);
    }
  }
  if (!best.get().is_null()) return best;
  if (!dflt.is_null()) return dflt;
  return value_error(vm, std::string(fname) + "() arg is an empty sequence");
}

Value builtin_min(Vm& vm, const CallArgs& args) { return min_max(vm, args, CmpOp::LT, "min"); }
Value builtin_max(Vm& vm, const CallArgs& args) { return min_max(vm, args, CmpOp::GT, "max"); }

// -- sum ----------------------------------------------------------------------

// sum()'s int fast path (CPython's): accumulates in an int64 while the items
// are ints that fit. Returns the result, or NULL with [*result] holding the
// partial result object when a non-int (or overflow) item interrupts.
Value sum_ints(Vm& vm, Value it, int64_t acc, RootValue& result) {
  for (;;) {
    RootValue item(vm, iter_next(vm, it));
    CT_TRY(item.get());
    if (item.get().is_null()) return int_from_int64(vm, acc);
    int64_t b;
    if (is_int_like(vm, item) && int_to_int64(item, &b) && !__builtin_add_overflow(acc, b, &b)) {
      acc = b;
      continue;
    }
    RootValue partial(vm, int_from_int64(vm, acc));
    CT_TRY(partial.get());
    result.set(binary_op(vm, partial, item, BinOp::ADD));
    CT_TRY(result.get());
    return Value::null();
  }
}

// sum()'s float fast path: plain double accumulation (CPython 3.11, not
// compensated), accepting floats and ints that fit an int64.
Value sum_floats(Vm& vm, Value it, double acc, RootValue& result) {
  for (;;) {
    RootValue item(vm, iter_next(vm, it));
    CT_TRY(item.get());
    if (item.get().is_null()) return Value::from_double(acc);
    int64_t b;
    if (item.get().is_double()) {
      acc += item.get().as_double();
      continue;
    }
    if (is_int_like(vm, item) && int_to_int64(item, &b)) {
      acc += static_cast<double>(b);
      continue;
    }
    RootValue partial(vm, Value::from_double(acc));
    result.set(binary_op(vm, partial, item, BinOp::ADD));
    CT_TRY(result.get());
    return Value::null();
  }
}

Value builtin_sum(Vm& vm, const CallArgs& args) {
  static const char* const kAllowed[] = {"start", nullptr};
  if (!check_kwargs(vm, args, "sum", kAllowed)) return Value::exception();
  size_t n = args.positional.size();
  if (n == 0) return type_error(vm, "sum() takes at least 1 positional argument (0 given)");
  if (n + args.kwvalues.size() > 2)
    return type_error(
        vm, "sum() takes at most 2 arguments (" + std::to_string(n + args.kwvalues.size()) + " given)");
  Value start = n == 2 ? args.positional[1] : kwarg(args, "start");
  if (start.is_null()) start = Value::small_int(0);
  if (is_str(vm, start)) return type_error(vm, "sum() can't sum strings [use ''.join(seq) instead]");
  RootValue it(vm, get_iter(vm, args.positional[0]));
  CT_TRY(it.get());
  RootValue result(vm, start);
  int64_t i_start;
  if (is_int(vm, start) && int_to_int64(start, &i_start)) {
    Value r = sum_ints(vm, it, i_start, result);
    if (!r.is_null()) return r;
  }
  if (result.get().is_double()) {
    Value r = sum_floats(vm, it, result.get().as_double(), result);
    if (!r.is_null()) return r;
  }
  for (;;) {
    RootValue item(vm, iter_next(vm, it));
    CT_TRY(item.get());
    if (item.get().is_null()) return result;
    result.set(binary_op(vm, result, item, BinOp::ADD));
    CT_TRY(result.get());
  }
}

// -- sorted -------------------------------------------------------------------

Value builtin_sorted(Vm& vm, const CallArgs& args) {
  if (args.positional.size() != 1)
    return type_error(vm, "sorted expected 1 argument, got " + std::to_string(args.positional.size()));
  RootValue list(vm, list_from_iterable(vm, args.positional[0]));
  CT_TRY(list.get());
  RootValue sort(vm, get_attr(vm, list, str_intern(vm, "sort")));
  CT_TRY(sort.get());
  CT_TRY(call(vm, sort, CallArgs{{}, args.kwvalues, args.kwnames}));
  return list;
}

// -- Characters and integer text ---------------------------------------------

Value builtin_ord(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "ord", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!is_str(vm, v))
    return type_error(vm, "ord() expected string of length 1, but " + tname(vm, v) + " found");
  Str* s = v.as<Str>();
  if (s->cp_len != 1)
    return type_error(
        vm, "ord() expected a character, but string of length " + std::to_string(s->cp_len) + " found");
  size_t pos = 0;
  return int_from_int64(vm, utf8_decode(s->view(), &pos));
}

Value builtin_chr(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "chr", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!require_index(vm, v)) return Value::exception();
  int64_t cp;
  if (!int_to_int64(v, &cp) || cp < INT32_MIN || cp > INT32_MAX)
    return raise(vm, vm.types.OverflowError, "Python int too large to convert to C int");
  if (cp < 0 || cp > 0x10FFFF) return value_error(vm, "chr() arg not in range(0x110000)");
  std::string out;
  utf8_append(out, static_cast<uint32_t>(cp));
  return str_new(vm, out);
}

// hex()/oct()/bin(): sign, prefix, then the magnitude's digits.
Value int_text(Vm& vm, const CallArgs& args, const char* fname, int base, const char* prefix) {
  if (!check_args(vm, args, fname, 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!require_index(vm, v)) return Value::exception();
  BigNum tmp;
  std::string digits = big_to_string(int_view(v, tmp), base);
  std::string out;
  if (!digits.empty() && digits[0] == '-') {
    out = "-";
    digits.erase(0, 1);
  }
  out += prefix;
  out += digits;
  return str_new(vm, out);
}

Value builtin_hex(Vm& vm, const CallArgs& args) { return int_text(vm, args, "hex", 16, "0x"); }
Value builtin_oct(Vm& vm, const CallArgs& args) { return int_text(vm, args, "oct", 8, "0o"); }
Value builtin_bin(Vm& vm, const CallArgs& args) { return int_text(vm, args, "bin", 2, "0b"); }

// -- Arithmetic: divmod, pow, round ------------------------------------------------

bool is_not_implemented(Vm& vm, Value v) { return v == vm.singleton_not_implemented; }

Value builtin_divmod(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "divmod", 2)) return Value::exception();
  Value a = args.positional[0], b = args.positional[1];
  Value r = arith_divmod(vm, a, b);
  if (!is_not_implemented(vm, r)) return r;
  return type_error(
      vm, "unsupported operand type(s) for divmod(): '" + tname(vm, a) + "' and '" + tname(vm, b) + "'");
}

Value builtin_pow(Vm& vm, const CallArgs& args) {
  Value a[3];
  if (!bind(vm, args, "pow", {"base", "exp", "mod"}, a)) return Value::exception();
  if (a[0].is_null()) return missing_arg(vm, "pow", "base", 1);
  if (a[1].is_null()) return missing_arg(vm, "pow", "exp", 2);
  if (a[2].is_null() || a[2].is_none()) return binary_op(vm, a[0], a[1], BinOp::POW);
  Value r = arith_pow3(vm, a[0], a[1], a[2]);
  if (!is_not_implemented(vm, r)) return r;
  return type_error(vm, "unsupported operand type(s) for ** or pow(): '" + tname(vm, a[0]) + "', '" +
                            tname(vm, a[1]) + "', '" + tname(vm, a[2]) + "'");
}

Value builtin_round(Vm& vm, const CallArgs& args) {
  Value a[2];
  if (!bind(vm, args, "round", {"number", "ndigits"}, a)) return Value::exception();
  if (a[0].is_null()) return missing_arg(vm, "round", "number", 1);
  Value r = arith_round(vm, a[0], a[1]);
  if (!is_not_implemented(vm, r)) return r;
  return type_error(vm, "type " + tname(vm, a[0]) + " doesn't define __round__ method");
}

// -- Types: isinstance, issubclass, type ----------------------------------------

// 1/0 as [v] matches [cls] (a type or a nested tuple of types); -1 on error.
int isinstance_of(Vm& vm, Value v, Value cls, bool subclass) {
  if (is_klass(vm, cls)) {
    if (subclass) return klass_is_subclass(v.as<Klass>(), cls.as<Klass>());
    return is_instance(vm, v, cls.as<Klass>());
  }
  if (cls.is_obj() && cls.as_obj()->klass == vm.types.tuple) {
    Tuple* t = cls.as<Tuple>();
    for (uint64_t i = 0; i < t->size; ++i) {
      int r = isinstance_of(vm, v, t->items[i], subclass);
      if (r != 0) return r;
    }
    return 0;
  }
  type_error(vm, subclass ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                          : "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

Value builtin_isinstance(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "isinstance", 2)) return Value::exception();
  int r = isinstance_of(vm, args.positional[0], args.positional[1], false);
  if (r < 0) return Value::exception();
  return Value::boolean(r != 0);
}

Value builtin_issubclass(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "issubclass", 2)) return Value::exception();
  if (!is_klass(vm, args.positional[0])) return type_error(vm, "issubclass() arg 1 must be a class");
  int r = isinstance_of(vm, args.positional[0], args.positional[1], true);
  if (r < 0) return Value::exception();
  return Value::boolean(r != 0);
}

// -- Attributes ----------------------------------------------------------------

// The attribute-name argument as a Str, or null with TypeError pending.
Str* attr_name(Vm& vm, Value v) {
  if (is_str(vm, v)) return v.as<Str>();
  type_error(vm, "attribute name must be string, not '" + tname(vm, v) + "'");
  return nullptr;
}

// True (and clears it) when the pending exception is an AttributeError.
bool clear_attribute_error(Vm& vm) {
  if (!is_instance(vm, vm.pending, vm.types.AttributeError)) return false;
  vm.pending = Value::null();
  return true;
}

Value builtin_getattr(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "getattr", 2, 3)) return Value::exception();
  Str* name = attr_name(vm, args.positional[1]);
  if (name == nullptr) return Value::exception();
  Value r = get_attr(vm, args.positional[0], name);
  if (r.is_exception() && args.positional.size() == 3 && clear_attribute_error(vm)) return args.positional[2];
  return r;
}

Value builtin_hasattr(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "hasattr", 2)) return Value::exception();
  Str* name = attr_name(vm, args.positional[1]);
  if (name == nullptr) return Value::exception();
  Value r = get_attr(vm, args.positional[0], name);
  if (!r.is_exception()) return Value::boolean(true);
  if (clear_attribute_error(vm)) return Value::boolean(false);
  return r;
}

Value builtin_setattr(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "setattr", 3)) return Value::exception();
  Str* name = attr_name(vm, args.positional[1]);
  if (name == nullptr) return Value::exception();
  if (!set_attr(vm, args.positional[0], name, args.positional[2])) return Value::exception();
  return Value::none();
}

Value builtin_delattr(Vm& vm, const CallArgs& args) {
  if (!check_exact(vm, args, "delattr", 2)) return Value::exception();
  Str* name = attr_name(vm, args.positional[1]);
  if (name == nullptr) return Value::exception();
  if (!del_attr(vm, args.positional[0], name)) return Value::exception();
  return Value::none();
}

// -- Namespaces: globals, locals, vars -------------------------------------------

Value builtin_globals(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "globals", 0, 0)) return Value::exception();
  if (vm.depth() <= 0) return Value::object(vm.builtins);
  return Value::object(vm.frame->globals);
}

// The value of local [i] of [f]; a parameter captured by a cell reads the cell.
Value frame_local(Frame* f, uint32_t i) {
  Code* code = f->code;
  for (uint32_t c = 0; c < code->ncells; ++c)
    if (code->cell_param->as<int32_t>()[c] == static_cast<int32_t>(i)) {
      Value cell = f->locals[code->nlocals + c];
      return cell.is_obj() ? cell.as<Cell>()->value : Value::null();
    }
  return f->locals[i];
}

// locals() of a function frame: a new dict of the bound fast locals, cells
// and free variables, in CPython's order.
Value function_locals(Vm& vm, Frame* f) {
  Root<Dict> d(vm, nullptr);
  Value dv = dict_new(vm);
  CT_TRY(dv);
  d.set(dv.as<Dict>());
  Code* code = f->code;
  for (uint32_t i = 0; i < code->nlocals; ++i) {
    Value v = frame_local(f, i);
    if (v.is_null()) continue;
    if (!dict_set(vm, d, f->code->varnames->items[i], v)) return Value::exception();
  }
  uint32_t nextra = code->ncells + code->nfree;
  for (uint32_t j = 0; j < nextra; ++j) {
    if (j < code->ncells && f->code->cell_param->as<int32_t>()[j] >= 0) continue;
    Value cell = f->locals[f->code->nlocals + j];
    if (!cell.is_obj() || cell.as<Cell>()->value.is_null()) continue;
    Value name =
        j < f->code->ncells ? f->code->cellvars->items[j] : f->code->freevars->items[j - f->code->ncells];
    if (!dict_set(vm, d, name, cell.as<Cell>()->value)) return Value::exception();
  }
  return Value::object(d.get());
}

Value locals_impl(Vm& vm) {
  if (vm.depth() <= 0) return Value::object(vm.builtins);
  Frame* f = vm.frame;
  if (f->func == nullptr || (f->code->flags & (kCodeModule | kCodeClassBody)) != 0)
    return Value::object(f->globals);
  return function_locals(vm, f);
}

Value builtin_locals(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "locals", 0, 0)) return Value::exception();
  return locals_impl(vm);
}

Value builtin_vars(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "vars", 0, 1)) return Value::exception();
  if (args.positional.empty()) return locals_impl(vm);
  Value v = args.positional[0];
  if (v.is_obj() && v.as_obj()->klass == vm.types.module) return Value::object(v.as<Module>()->dict);
  if (v.is_obj() && v.as_obj()->klass == vm.types.function && v.as<Function>()->dict != nullptr)
    return Value::object(v.as<Function>()->dict);
  Value d = get_attr(vm, v, str_intern(vm, "__dict__"));
  if (d.is_exception() && clear_attribute_error(vm))
    return type_error(vm, "vars() argument must have __dict__ attribute");
  return d;
}

// -- I/O: input, format ----------------------------------------------------------

Value builtin_input(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "input", 0, 1)) return Value::exception();
  if (args.positional.size() == 1) {
    std::string prompt;
    if (!str_append(vm, prompt, args.positional[0])) return Value::exception();
    vm.write_stdout(prompt);
  }
  vm.flush_stdout();
  RootValue sys(vm, import_builtin_module(vm, "sys"));
  CT_TRY(sys.get());
  RootValue in(vm, get_attr(vm, sys, str_intern(vm, "stdin")));
  CT_TRY(in.get());
  RootValue readline(vm, get_attr(vm, in, str_intern(vm, "readline")));
  CT_TRY(readline.get());
  RootValue line(vm, call0(vm, readline));
  CT_TRY(line.get());
  if (!is_str(vm, line)) return type_error(vm, "object.readline() returned non-string");
  std::string_view text = line.get().as<Str>()->view();  // stays valid: [line] is rooted
  if (text.empty()) return raise(vm, vm.types.EOFError, "EOF when reading a line");
  if (text.back() != '\n') return line;
  return str_new(vm, text.substr(0, text.size() - 1));
}

Value builtin_format(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "format", 1, 2)) return Value::exception();
  std::string_view spec;
  if (args.positional.size() == 2) {
    Value s = args.positional[1];
    if (!is_str(vm, s)) return type_error(vm, "format() argument 2 must be str, not " + tname(vm, s));
    spec = s.as<Str>()->view();
  }
  return format_value(vm, args.positional[0], spec);
}

// exit()/quit(): raise SystemExit(code); the CLI turns it into the status.
Value builtin_exit(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "exit", 0, 1)) return Value::exception();
  RootValue t(vm, tuple_from(vm, args.positional));
  CT_TRY(t.get());
  Value exc = exception_with_args(vm, vm.types.SystemExit, t);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

// -- Registration -------------------------------------------------------------------

struct BuiltinFn {
  const char* name;
  NativeFn fn;
};

constexpr BuiltinFn kFunctions[] = {
    {"print", builtin_print},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"abs", builtin_abs},
    {"min", builtin_min},
    {"max", builtin_max},
    {"sum", builtin_sum},
    {"sorted", builtin_sorted},
    {"any", builtin_any},
    {"all", builtin_all},
    {"ord", builtin_ord},
    {"chr", builtin_chr},
    {"hex", builtin_hex},
    {"oct", builtin_oct},
    {"bin", builtin_bin},
    {"divmod", builtin_divmod},
    {"pow", builtin_pow},
    {"round", builtin_round},
    {"hash", builtin_hash},
    {"id", builtin_id},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"callable", builtin_callable},
    {"getattr", builtin_getattr},
    {"setattr", builtin_setattr},
    {"hasattr", builtin_hasattr},
    {"delattr", builtin_delattr},
    {"input", builtin_input},
    {"format", builtin_format},
    {"globals", builtin_globals},
    {"locals", builtin_locals},
    {"vars", builtin_vars},
    {"exit", builtin_exit},
    {"quit", builtin_exit},
};

void add_types(Vm& vm, Dict* d) {
  Types& t = vm.types;
  Klass* const kTypes[] = {t.object, t.type,  t.int_,  t.bool_,     t.float_, t.str, t.tuple,  t.list,
                           t.dict,   t.range, t.slice, t.enumerate, t.zip,    t.map, t.filter, t.reversed,
                           t.set,    t.frozenset};
  for (Klass* k : kTypes) dict_set_name(vm, d, k->name->view(), Value::object(k));
#define CT_ADD_EXC(name, base) dict_set_name(vm, d, #name, Value::object(t.name));
  CT_EXCEPTIONS(CT_ADD_EXC)
#undef CT_ADD_EXC
}

}  // namespace

void init_builtins(Vm& vm) {
  Value d = dict_new(vm);
  if (d.is_exception()) internal_error(__FILE__, __LINE__, "cannot allocate the builtins dict");
  vm.builtins = d.as<Dict>();  // rooted from here on (Vm::trace_roots)
  Dict* b = vm.builtins;
  add_types(vm, b);
  dict_set_name(vm, b, "NotImplemented", vm.singleton_not_implemented);
  dict_set_name(vm, b, "Ellipsis", vm.singleton_ellipsis);
  dict_set_name(vm, b, "__name__", Value::object(vm.names.builtins));
  dict_set_name(vm, b, "__debug__", Value::boolean(true));
  for (const BuiltinFn& f : kFunctions) add_function(vm, b, f.name, f.fn);
}

}  // namespace contrail::runtime
