// runtime/ops.h -- Generic object protocol: what the interpreter and built-ins
// call to operate on any Value (type_of, repr, str, hash, equality, ordering,
// arithmetic, attributes, items, iteration, calls).
// Every fallible function follows the house convention: a Value result is
// EXCEPTION when an exception is pending in Vm::pending; bool results are
// false; int results are -1. Arguments are borrowed: callers keep them rooted
// across the call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/bytecode.h"
#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// Counts C++-level recursion (repr of nested containers, comparisons, hashes)
// together with the Python frame depth against sys.getrecursionlimit(), as
// CPython's Py_EnterRecursiveCall does, plus a hard cap that keeps the C stack
// safe whatever limit the program sets.
class CRecursion {
 public:
  static constexpr int kMaxCDepth = 6000;
  CRecursion(Vm& vm, const char* where) : vm_(vm) {
    ok_ = ++vm_.c_depth + vm_.depth() <= vm_.recursion_limit && vm_.c_depth <= kMaxCDepth;
    if (!ok_) raise(vm_, vm_.types.RecursionError, std::string("maximum recursion depth exceeded") + where);
  }
  ~CRecursion() { --vm_.c_depth; }
  CRecursion(const CRecursion&) = delete;
  CRecursion& operator=(const CRecursion&) = delete;
  bool ok() const { return ok_; }

 private:
  Vm& vm_;
  bool ok_;
};

// The type object of [v].
inline Klass* type_of(Vm& vm, Value v) {
  if (v.is_obj()) return v.as_obj()->klass;
  if (v.is_double()) return vm.types.float_;
  if (v.is_small_int()) return vm.types.int_;
  if (v.is_bool()) return vm.types.bool_;
  return vm.types.none;
}
// Type name of [v] as CPython prints it in messages ('int', 'list', ...).
std::string_view type_name(Vm& vm, Value v);
// True when [v] is an instance of [k] (or of a subclass).
bool is_instance(Vm& vm, Value v, Klass* k);

// repr(v) / str(v): a Str Value, or EXCEPTION.
Value repr(Vm& vm, Value v);
Value to_str(Vm& vm, Value v);
// Appends repr(v)/str(v) to [out]; false on exception.
bool repr_append(Vm& vm, std::string& out, Value v);
bool str_append(Vm& vm, std::string& out, Value v);

// Recursion guard of container reprs (CPython's Py_ReprEnter): true when [o]'s
// repr is already in progress (print "[...]"); otherwise marks it and the
// caller must call repr_leave() when done.
bool repr_enter(Vm& vm, Obj* o);
void repr_leave(Vm& vm);

// truth value: 1, 0, or -1 on exception.
int truthy(Vm& vm, Value v);
// hash(v); false on exception (TypeError: unhashable type: 'list').
bool hash_value(Vm& vm, Value v, int64_t* out);
// a == b: 1, 0, or -1 on exception.
int equals(Vm& vm, Value a, Value b);
// Rich comparison; result Value (usually a bool) or EXCEPTION.
Value compare(Vm& vm, Value a, Value b, CmpOp op);
// Arithmetic and bitwise operators (in-place forms included).
Value binary_op(Vm& vm, Value a, Value b, BinOp op);
Value unary_neg(Vm& vm, Value v);
Value unary_pos(Vm& vm, Value v);
Value unary_invert(Vm& vm, Value v);

// Attributes (name is a Str).
Value get_attr(Vm& vm, Value obj, Str* name);
// Like get_attr but returns NULL (no exception) when the attribute is missing.
Value get_attr_opt(Vm& vm, Value obj, Str* name);
bool set_attr(Vm& vm, Value obj, Str* name, Value v);
bool del_attr(Vm& vm, Value obj, Str* name);

// Items.
Value get_item(Vm& vm, Value container, Value key);
bool set_item(Vm& vm, Value container, Value key, Value v);
bool del_item(Vm& vm, Value container, Value key);
// `item in container`: 1, 0, -1.
int contains(Vm& vm, Value container, Value item);
// len(v); false on exception.
bool length(Vm& vm, Value v, int64_t* out);

// iter(v) and next(it): next returns NULL when exhausted (no StopIteration
// object is created for built-in iteration).
Value get_iter(Vm& vm, Value v);
Value iter_next(Vm& vm, Value it);

// Calls [callable] with [args]. Python functions go through Vm::call_python.
Value call(Vm& vm, Value callable, const CallArgs& args);
// Calls [func] with [self] prepended to [args] (bound methods, bound natives).
// The arguments are copied to the VM stack, so the callee sees them rooted.
Value call_with_self(Vm& vm, Value func, Value self, const CallArgs& args);
Value call0(Vm& vm, Value callable);
Value call1(Vm& vm, Value callable, Value a);
Value call2(Vm& vm, Value callable, Value a, Value b);

// Converts an index-like Value (int, bool) to int64 for sequence indexing;
// false with the given TypeError/IndexError semantics pending.
bool index_value(Vm& vm, Value v, int64_t* out, const char* what);
// Normalises a possibly negative [index] against [size]; false raises
// IndexError("<what> index out of range").
bool normalize_index(Vm& vm, int64_t* index, int64_t size, const char* what);

// Numbers: convert an int/float/bool Value to double; false raises TypeError
// ("must be real number, not str") or OverflowError.
bool to_double(Vm& vm, Value v, double* out);

}  // namespace contrail::runtime
