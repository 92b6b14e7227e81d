// runtime/vm.cpp -- Vm construction (bootstrapping the type objects), roots,
// stdout buffering, and the `object`/`type`/`NoneType` types.
// Bootstrap order matters: every Klass exists (with kind and base) before any
// type's init function runs, because init functions allocate strs, dicts and
// natives whose klass fields point at those types. The GC stays disabled until
// the bootstrap is complete.
#include "runtime/vm.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/user_ops.h"

namespace contrail::runtime {

namespace {

constexpr size_t kStackValues = size_t{1} << 25;  // 256 MiB reserved, committed lazily
constexpr size_t kMaxFrames = size_t{1} << 20;

template <class T>
T* reserve_pages(size_t count) {
  void* p = mmap(nullptr, count * sizeof(T), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::fputs("internal error: cannot reserve the VM stack\n", stderr);
    std::abort();
  }
  return static_cast<T*>(p);
}

void trace_klass(Obj* self, Tracer& t) {
  auto* k = static_cast<Klass*>(self);
  t.visit(k->name);
  t.visit(k->base);
  t.visit(k->mro);
  t.visit(k->dict);
  t.visit(k->bases);
  t.visit(k->qualname);
  t.visit(k->module);
}

Value none_repr(Vm& vm, Value) { return Value::object(str_intern(vm, "None")); }
int none_truth(Vm&, Value) { return 0; }
bool identity_hash(Vm&, Value v, int64_t* out) {
  *out = static_cast<int64_t>(v.bits() >> 4);
  if (*out == -1) *out = -2;
  return true;
}

Value type_repr(Vm& vm, Value self) {
  Klass* k = self.as<Klass>();
  std::string s = "<class '";
  if ((k->flags & kKlassUser) && k->module.is_obj() && k->module.as_obj()->klass == vm.types.str &&
      k->module.as<Str>()->view() != "builtins") {
    s += k->module.as<Str>()->view();
    s += ".";
  }
  s += k->qualname ? k->qualname->view() : k->name->view();
  s += "'>";
  return str_new(vm, s);
}

Value singleton_repr(Vm& vm, Value self) {
  if (self == vm.singleton_ellipsis) return Value::object(str_intern(vm, "Ellipsis"));
  return Value::object(str_intern(vm, "NotImplemented"));
}

Value object_repr(Vm& vm, Value self) {
  char buf[96];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(self.as_obj()));
  std::string s = "<";
  Klass* k = type_of(vm, self);
  if ((k->flags & kKlassUser) && k->module.is_obj() && k->module.as_obj()->klass == vm.types.str &&
      k->module.as<Str>()->view() != "builtins") {
    s += k->module.as<Str>()->view();
    s += ".";
  }
  s += k->qualname ? k->qualname->view() : k->name->view();
  s += buf;
  return str_new(vm, s);
}

Value object_construct(Vm& vm, const CallArgs& args) {
  if (!args.positional.empty() || !args.kwvalues.empty())
    return raise(vm, vm.types.TypeError, "object() takes no arguments");
  Obj* o = vm.alloc<Obj>(vm.types.object);
  if (o == nullptr) return Value::exception();
  return Value::object(o);
}

Value none_construct(Vm& vm, const CallArgs& args) {
  if (!args.positional.empty()) return raise(vm, vm.types.TypeError, "NoneType takes no arguments");
  return Value::none();
}

Value make_mro(Vm& vm, Klass* k) {
  int n = 0;
  for (Klass* c = k; c != nullptr; c = c->base) ++n;
  Value t = tuple_new(vm, static_cast<uint64_t>(n));
  if (t.is_exception()) return t;
  int i = 0;
  for (Klass* c = k; c != nullptr; c = c->base) t.as<Tuple>()->items[i++] = Value::object(c);
  return t;
}

}  // namespace

[[noreturn]] void internal_error(const char* file, int line, const char* what) {
  std::fprintf(stderr, "internal error: %s (%s:%d)\n", what, file, line);
  std::abort();
}

bool klass_is_subclass(const Klass* k, const Klass* base) {
  if (k->mro != nullptr && (k->flags & kKlassUser)) {
    const Tuple* mro = k->mro;
    for (uint64_t i = 0; i < mro->size; ++i)
      if (mro->items[i].as_obj() == base) return true;
    return false;
  }
  for (; k != nullptr; k = k->base)
    if (k == base) return true;
  return false;
}

Vm::Vm(const VmOptions& opts) : options(opts) {
  stack = reserve_pages<Value>(kStackValues);
  stack_limit = stack + kStackValues;
  sp = stack;
  frames = reserve_pages<Frame>(kMaxFrames);
  frames_limit = frames + kMaxFrames;
  frame = frames - 1;
  heap.set_enabled(false);
  init_types();
  heap.set_stress(opts.gc_stress);
  heap.set_limit(opts.max_heap);
  heap.set_enabled(true);
}

Vm::~Vm() {
  flush_stdout();
  heap.free_all();
  munmap(stack, kStackValues * sizeof(Value));
  munmap(frames, kMaxFrames * sizeof(Frame));
}

void Vm::init_types() {
  // 1. Every Klass object, with `type` as its own klass.
  Klass* type_klass = static_cast<Klass*>(alloc_raw(nullptr, sizeof(Klass)));
  type_klass->klass = type_klass;
  types.type = type_klass;
#define CT_ALLOC_TYPE(field, name, kind_)                                    \
  if (types.field == nullptr) types.field = static_cast<Klass*>(alloc_raw(type_klass, sizeof(Klass))); \
  types.field->kind = TypeKind::kind_;
  CT_BUILTIN_TYPES(CT_ALLOC_TYPE)
#undef CT_ALLOC_TYPE
#define CT_ALLOC_EXC(name, base_)                                                    \
  types.name = static_cast<Klass*>(alloc_raw(type_klass, sizeof(Klass)));            \
  types.name->kind = TypeKind::EXCEPTION;                                            \
  types.name->base = (types.name == types.base_) ? types.object : types.base_;       \
  types.name->flags = kKlassBaseType;
  CT_EXCEPTIONS(CT_ALLOC_EXC)
#undef CT_ALLOC_EXC
  // 2. Bases, names, dicts.
#define CT_INIT_TYPE(field, name_, kind_)                                 \
  if (types.field != types.object && types.field->base == nullptr)        \
    types.field->base = types.object;                                     \
  types.field->name = str_intern(*this, name_);
  types.bool_->base = types.int_;
  CT_BUILTIN_TYPES(CT_INIT_TYPE)
#undef CT_INIT_TYPE
#define CT_NAME_EXC(name_, base_) types.name_->name = str_intern(*this, #name_);
  CT_EXCEPTIONS(CT_NAME_EXC)
#undef CT_NAME_EXC
  types.type->trace = trace_klass;
#define CT_INIT_NAME(field, text) names.field = str_intern(*this, text);
  CT_NAMES(CT_INIT_NAME)
#undef CT_INIT_NAME
#define CT_DICT_TYPE(field, name_, kind_) types.field->dict = dict_new(*this).as<Dict>();
  CT_BUILTIN_TYPES(CT_DICT_TYPE)
#undef CT_DICT_TYPE
#define CT_DICT_EXC(name_, base_) types.name_->dict = dict_new(*this).as<Dict>();
  CT_EXCEPTIONS(CT_DICT_EXC)
#undef CT_DICT_EXC
  // 3. Slots and methods, type by type.
  init_object_type(*this);
  init_int_type(*this);
  init_float_type(*this);
  init_str_type(*this);
  init_tuple_type(*this);
  init_list_type(*this);
  init_dict_type(*this);
  init_set_type(*this);
  init_misc_types(*this);
  init_iter_types(*this);
  init_func_types(*this);
  init_exception_types(*this);
  init_class_types(*this);
  init_generator_type(*this);
#define CT_MRO_TYPE(field, name_, kind_) types.field->mro = make_mro(*this, types.field).as<Tuple>();
  CT_BUILTIN_TYPES(CT_MRO_TYPE)
#undef CT_MRO_TYPE
#define CT_MRO_EXC(name_, base_) types.name_->mro = make_mro(*this, types.name_).as<Tuple>();
  CT_EXCEPTIONS(CT_MRO_EXC)
#undef CT_MRO_EXC
  modules = dict_new(*this).as<Dict>();
  argv = list_new(*this).as<List>();
  memory_error = exception_new(*this, types.MemoryError, "");
  memory_error.as<Exception>()->args = tuple_new(*this, 0).as<Tuple>();
  init_builtins(*this);
  register_class_builtins(*this);
}

void init_object_type(Vm& vm) {
  Types& t = vm.types;
  t.object->repr = object_repr;
  t.object->hash = identity_hash;
  t.object->construct = object_construct;
  t.object->flags = kKlassBaseType;
  t.type->repr = type_repr;
  t.type->hash = identity_hash;
  t.none->repr = none_repr;
  t.none->truth = none_truth;
  t.none->hash = identity_hash;
  t.none->construct = none_construct;
  t.not_implemented->repr = singleton_repr;
  t.ellipsis->repr = singleton_repr;
  vm.singleton_not_implemented = Value::object(vm.alloc<Obj>(t.not_implemented));
  vm.singleton_ellipsis = Value::object(vm.alloc<Obj>(t.ellipsis));
}

Obj* Vm::alloc_raw(Klass* klass, size_t bytes) {
  Obj* o = heap.allocate(*this, klass, bytes);
  if (o == nullptr) {
    pending = memory_error;
    return nullptr;
  }
  return o;
}

void Vm::trace_roots(Tracer& t) {
  class_epoch++;  // the collection may free classes whose addresses get reused
  t.visit(types.type);
#define CT_TRACE_TYPE(field, name, kind) t.visit(types.field);
  CT_BUILTIN_TYPES(CT_TRACE_TYPE)
#undef CT_TRACE_TYPE
#define CT_TRACE_EXC(name, base) t.visit(types.name);
  CT_EXCEPTIONS(CT_TRACE_EXC)
#undef CT_TRACE_EXC
  for (auto& [text, s] : interned) t.visit(s);
  t.visit(builtins);
  t.visit(modules);
  t.visit(argv);
  t.visit(singleton_not_implemented);
  t.visit(singleton_ellipsis);
  t.visit(memory_error);
  t.visit(empty_shape);
  t.visit(pending);
  t.visit(handling);
  for (Value* slot : roots_) t.visit(*slot);
  if (jit_roots != nullptr) jit_roots(*this, t);
  for (Value* v = stack; v < sp; ++v) t.visit(*v);
  for (Frame* f = frames; f <= frame; ++f) {
    t.visit(f->func);
    t.visit(f->code);
    t.visit(f->globals);
    t.visit(f->gen);
    t.visit(f->ns);
  }
}

void Vm::write_stdout(std::string_view s) {
  stdout_buffer.append(s);
  if (stdout_buffer.size() >= (64u << 10)) flush_stdout();
}

void Vm::flush_stdout() {
  size_t off = 0;
  while (off < stdout_buffer.size()) {
    ssize_t n = ::write(1, stdout_buffer.data() + off, stdout_buffer.size() - off);
    if (n <= 0) {
      stdout_error = true;
      break;
    }
    off += static_cast<size_t>(n);
  }
  stdout_buffer.clear();
}

}  // namespace contrail::runtime
