// runtime/vm.h -- Vm: all state of one virtual machine, passed explicitly.
// There are no mutable globals; everything (heap, types, stacks, interned
// strings, modules, pending exception) hangs off a Vm.
// Invariants:
//  - Vm::sp is the exact top of the VM stack whenever an allocation can happen
//    (the interpreter syncs it before calling out).
//  - Vm::pending holds the exception while a function returns EXCEPTION; it is
//    NULL otherwise.
// Depends on runtime/ only.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/frame.h"
#include "runtime/gc.h"
#include "runtime/obj_exception.h"
#include "runtime/object.h"

namespace contrail::runtime {

struct Str;
struct Dict;
struct Module;
struct List;

[[noreturn]] void internal_error(const char* file, int line, const char* what);

// Every built-in (non-exception) type: field, Python name, layout kind.
#define CT_BUILTIN_TYPES(_)                                   \
  _(object, "object", OBJECT)                                 \
  _(type, "type", TYPE)                                       \
  _(int_, "int", INT)                                         \
  _(bool_, "bool", BOOL)                                      \
  _(float_, "float", FLOAT)                                   \
  _(none, "NoneType", NONE)                                   \
  _(str, "str", STR)                                          \
  _(tuple, "tuple", TUPLE)                                    \
  _(list, "list", LIST)                                       \
  _(dict, "dict", DICT)                                       \
  _(set, "set", SET)                                          \
  _(frozenset, "frozenset", SET)                              \
  _(set_iterator, "set_iterator", ITERATOR)                   \
  _(range, "range", RANGE)                                    \
  _(slice, "slice", SLICE)                                    \
  _(function, "function", FUNCTION)                           \
  _(native, "builtin_function_or_method", NATIVE)             \
  _(method, "method", BOUND_METHOD)                           \
  _(code, "code", CODE)                                       \
  _(cell, "cell", CELL)                                       \
  _(module, "module", MODULE)                                 \
  _(traceback, "traceback", TRACEBACK)                        \
  _(value_array, "value_array", VALUE_ARRAY)                  \
  _(raw_array, "raw_array", RAW)                              \
  _(dict_table, "dict_table", RAW)                            \
  _(not_implemented, "NotImplementedType", SINGLETON)         \
  _(ellipsis, "ellipsis", SINGLETON)                          \
  _(list_iterator, "list_iterator", ITERATOR)                 \
  _(list_reverseiterator, "list_reverseiterator", ITERATOR)   \
  _(tuple_iterator, "tuple_iterator", ITERATOR)               \
  _(str_iterator, "str_ascii_iterator", ITERATOR)             \
  _(range_iterator, "range_iterator", ITERATOR)               \
  _(longrange_iterator, "longrange_iterator", ITERATOR)       \
  _(dict_keyiterator, "dict_keyiterator", ITERATOR)           \
  _(dict_valueiterator, "dict_valueiterator", ITERATOR)       \
  _(dict_itemiterator, "dict_itemiterator", ITERATOR)         \
  _(dict_keys, "dict_keys", DICT_VIEW)                        \
  _(dict_values, "dict_values", DICT_VIEW)                    \
  _(dict_items, "dict_items", DICT_VIEW)                      \
  _(enumerate, "enumerate", ITERATOR)                         \
  _(zip, "zip", ITERATOR)                                     \
  _(map, "map", ITERATOR)                                     \
  _(filter, "filter", ITERATOR)                               \
  _(reversed, "reversed", ITERATOR)                           \
  _(callable_iterator, "callable_iterator", ITERATOR)         \
  _(shape, "shape", SHAPE)                                    \
  _(property, "property", DESCRIPTOR)                         \
  _(staticmethod, "staticmethod", DESCRIPTOR)                 \
  _(classmethod, "classmethod", DESCRIPTOR)                   \
  _(super_, "super", SUPER)                                   \
  _(generator, "generator", GENERATOR)                        \
  _(seq_iterator, "iterator", ITERATOR)

struct Types {
#define CT_TYPE_FIELD(field, name, kind) Klass* field;
  CT_BUILTIN_TYPES(CT_TYPE_FIELD)
#undef CT_TYPE_FIELD
#define CT_EXC_FIELD(name, base) Klass* name;
  CT_EXCEPTIONS(CT_EXC_FIELD)
#undef CT_EXC_FIELD
};

// Interned names the runtime looks up often: field, text.
#define CT_NAMES(_)                       \
  _(dunder_name, "__name__")              \
  _(dunder_main, "__main__")              \
  _(dunder_builtins, "__builtins__")      \
  _(dunder_file, "__file__")              \
  _(dunder_doc, "__doc__")                \
  _(dunder_init, "__init__")              \
  _(dunder_setattr, "__setattr__")        \
  _(dunder_all, "__all__")                \
  _(empty, "")                            \
  _(builtins, "builtins")

struct Names {
#define CT_NAME_FIELD(field, text) Str* field;
  CT_NAMES(CT_NAME_FIELD)
#undef CT_NAME_FIELD
};

struct VmOptions {
  bool gc_stress = false;
  size_t max_heap = 0;  // bytes; 0 = unlimited
  uint64_t list_bytes_min = 4096;  // shortest [k] * n with byte storage (runtime/obj_list.h); 0 = never
};

// Calls a Python function; installed by the interpreter (runtime/ cannot
// depend on src/). Returns the result or EXCEPTION.
using PythonCallHook = Value (*)(Vm& vm, Value callable, const CallArgs& args);
// Runs a class body function with [ns] as its namespace (LOAD_NAME/STORE_NAME).
using ClassBodyHook = Value (*)(Vm& vm, Value func, Dict* ns);
// Resumes a suspended generator: [sent] is pushed at the yield point (or, when
// [throw_exc] is not NULL, that exception is raised there). Returns the yielded
// value, or EXCEPTION; a finished generator sets its state to done and returns
// NULL with the return value in *[returned].
using ResumeHook = Value (*)(Vm& vm, Obj* gen, Value sent, Value throw_exc, Value* returned);

class Vm {
 public:
  explicit Vm(const VmOptions& options);
  ~Vm();
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  // -- Allocation -----------------------------------------------------------
  // Allocates [bytes] for an object of [klass]; null with MemoryError pending
  // when the heap is exhausted.
  template <class T>
  T* alloc(Klass* klass, size_t bytes = sizeof(T)) {
    return static_cast<T*>(alloc_raw(klass, bytes));
  }
  Obj* alloc_raw(Klass* klass, size_t bytes);

  // -- Roots ----------------------------------------------------------------
  void push_root(Value* slot) { roots_.push_back(slot); }
  // Handles are strictly LIFO; a violation would leave a dangling slot in the
  // root set, so it is checked in every build.
  void pop_root(Value* slot) {
    if (roots_.empty() || roots_.back() != slot) internal_error(__FILE__, __LINE__, "roots released out of order");
    roots_.pop_back();
  }
  void trace_roots(Tracer& tracer);
  size_t root_count() const { return roots_.size(); }

  // -- Exceptions -----------------------------------------------------------
  Value pending = Value::null();     // exception being propagated
  Value handling = Value::none();    // exception being handled (sys.exc_info)

  // -- State ----------------------------------------------------------------
  Heap heap;
  Types types{};
  Names names{};
  VmOptions options;
  Dict* builtins = nullptr;          // builtins module dict
  Dict* modules = nullptr;           // sys.modules
  List* argv = nullptr;              // sys.argv
  Value singleton_not_implemented;
  Value singleton_ellipsis;
  Value memory_error;                // preallocated MemoryError instance
  Obj* empty_shape = nullptr;        // root of the instance shape tree (runtime/obj_instance.h)
  PythonCallHook call_python = nullptr;
  ClassBodyHook run_class_body = nullptr;
  ResumeHook resume_generator = nullptr;

  // VM stack and frames (runtime/frame.h).
  Value* stack = nullptr;
  Value* stack_limit = nullptr;
  Value* sp = nullptr;
  Frame* frames = nullptr;
  Frame* frames_limit = nullptr;
  Frame* frame = nullptr;            // innermost active frame, or frames - 1
  int recursion_limit = 1000;
  int native_depth = 0;              // nested interpreter entries (C stack use)
  int c_depth = 0;                   // nested C++ recursion (repr, comparison, hash of containers)
  uint32_t class_epoch = 1;          // bumped when a user class's attributes change (inline caches)
                                     // and at every collection (a freed class's address may be reused)
  uint64_t class_change_epoch = 1;   // bumped only when a user class's attributes change (JIT guards;
                                     // traces keep the classes they name alive, so no reuse problem)
  // The tracing JIT (jit/), installed by jit::jit_create; runtime/ never looks inside.
  void* jit = nullptr;
  uint32_t jit_hotloop = UINT32_MAX;  // JUMP_BACKWARD counter threshold (UINT32_MAX: JIT off)
  using RootHook = void (*)(Vm& vm, Tracer& tracer);
  RootHook jit_roots = nullptr;       // marks what compiled traces hold
  // Global type-attribute cache of mro_lookup (runtime/obj_class.cpp):
  // direct-mapped on (class, name); an entry is valid while its epoch matches.
  struct MroCacheEntry {
    const Klass* klass;
    const Str* name;
    Value value;
    uint32_t epoch;
  };
  static constexpr size_t kMroCacheSize = 4096;
  std::vector<MroCacheEntry> mro_cache = std::vector<MroCacheEntry>(kMroCacheSize);
  // Interned strs for C string literals used as names by the runtime, keyed
  // by the literal's address (cheaper than hashing the text each time).
  std::unordered_map<const char*, Str*> literal_names;

  std::unordered_map<std::string_view, Str*> interned;
  // Containers whose repr is in progress (recursion guard printing [...]);
  // they are rooted by the callers doing the repr.
  std::vector<Obj*> repr_active;
  std::vector<std::string> search_path;  // directories for `import name` (sys.path)
  std::string stdout_buffer;
  bool stdout_error = false;

  // Appends to stdout (buffered); flush_stdout() writes it out.
  void write_stdout(std::string_view s);
  void flush_stdout();
  // Number of active Python frames.
  int depth() const { return static_cast<int>(frame - frames) + 1; }

 private:
  void init_types();
  std::vector<Value*> roots_;
};

// Roots a reference held by C++ code for the handle's lifetime (LIFO).
template <class T>
class Root {
 public:
  Root(Vm& vm, T* p) : vm_(vm), v_(p ? Value::object(p) : Value::null()) { vm_.push_root(&v_); }
  ~Root() { vm_.pop_root(&v_); }
  Root(const Root&) = delete;
  Root& operator=(const Root&) = delete;
  T* get() const { return v_.is_null() ? nullptr : v_.as<T>(); }
  T* operator->() const { return get(); }
  operator T*() const { return get(); }
  void set(T* p) { v_ = p ? Value::object(p) : Value::null(); }

 private:
  Vm& vm_;
  Value v_;
};

// Roots a Value held by C++ code for the handle's lifetime (LIFO).
class RootValue {
 public:
  RootValue(Vm& vm, Value v = Value::null()) : vm_(vm), v_(v) { vm_.push_root(&v_); }
  ~RootValue() { vm_.pop_root(&v_); }
  RootValue(const RootValue&) = delete;
  RootValue& operator=(const RootValue&) = delete;
  Value get() const { return v_; }
  operator Value() const { return v_; }
  void set(Value v) { v_ = v; }
  Value* slot() { return &v_; }

 private:
  Vm& vm_;
  Value v_;
};

// Returns early with EXCEPTION when [expr] yields it (asmjit's ASMJIT_PROPAGATE).
#define CT_TRY(expr)                                                  \
  do {                                                                \
    if ((expr).is_exception()) return ::contrail::runtime::Value::exception(); \
  } while (0)

#define CT_ASSERT(cond)                                                              \
  do {                                                                               \
    if (!(cond)) ::contrail::runtime::internal_error(__FILE__, __LINE__, #cond);     \
  } while (0)

[[noreturn]] void internal_error(const char* file, int line, const char* what);

}  // namespace contrail::runtime
