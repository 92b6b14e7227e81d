// runtime/mod_sys.cpp -- The sys module: argv, exit, the standard streams,
// the recursion limit, version information and sys.modules.
// Two small native types are created with the module (not in Vm::types):
//  - _io.TextIOWrapper: a Stream over fd 0, 1 or 2. stdout goes through the
//    VM's buffer (Vm::write_stdout); stderr flushes that buffer first and then
//    writes fd 2 directly, so interleaving matches CPython's.
//  - struct sequences (sys.version_info, sys.float_info, ...): tuples whose
//    klass derives from tuple and maps field names to indices; they compare,
//    hash, index and iterate as tuples.
// Invariants: both Klass objects are reachable through their instances
// (the GC visits Obj::klass) and through the sys module's attributes.
// Depends on runtime/ only.
#include <unistd.h>

#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr const char* kVersion = "3.11.0 (contrail 0.1.0) [C++20]";

std::string tname(Vm& vm, Value v) { return std::string(type_name(vm, v)); }

// Arguments of a method without self, for check_args.
CallArgs without_self(const CallArgs& args) {
  return CallArgs{args.positional.subspan(1), args.kwvalues, args.kwnames};
}

// -- Native Klass creation -------------------------------------------------------

// Creates a Klass [name] deriving from [base] (same layout, kind and trace).
Klass* new_klass(Vm& vm, std::string_view name, Klass* base) {
  Root<Klass> k(vm, vm.alloc<Klass>(vm.types.type));
  if (k.get() == nullptr) return nullptr;
  k->kind = base->kind;
  k->base = base;
  k->trace = base->trace;
  k->flags = kKlassImmutable;
  k->name = str_intern(vm, name);
  Value d = dict_new(vm);
  if (d.is_exception()) return nullptr;
  k->dict = d.as<Dict>();
  uint64_t n = 0;
  for (Klass* c = k; c != nullptr; c = c->base) ++n;
  Value mro = tuple_new(vm, n);
  if (mro.is_exception()) return nullptr;
  uint64_t i = 0;
  for (Klass* c = k; c != nullptr; c = c->base) mro.as<Tuple>()->items[i++] = Value::object(c);
  k->mro = mro.as<Tuple>();
  return k.get();
}

// -- Streams ---------------------------------------------------------------------

struct Stream : Obj {
  int64_t fd;
};

Stream* as_stream(Value self) { return self.as<Stream>(); }

// Replaces invalid UTF-8 sequences with U+FFFD so the text can become a str.
std::string sanitize_utf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len != 0 && i + len <= in.size();
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t j = 1; ok && j < len; ++j) {
      unsigned char cc = static_cast<unsigned char>(in[i + j]);
      ok = (cc >> 6) == 2;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok) ok = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (ok) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      i += 1;
    }
  }
  return out;
}

// Writes all of [s] to [fd]; false on error.
bool write_fd(int fd, std::string_view s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

Value stream_write(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, without_self(args), "TextIOWrapper.write", 1, 1)) return Value::exception();
  Value s = args.positional[1];
  if (!(s.is_obj() && is_instance(vm, s, vm.types.str)))
    return raise(vm, vm.types.TypeError, "write() argument must be str, not " + tname(vm, s));
  Str* text = s.as<Str>();
  int64_t fd = as_stream(args.positional[0])->fd;
  if (fd == 1) {
    vm.write_stdout(text->view());
  } else if (fd == 2) {
    vm.flush_stdout();
    write_fd(2, text->view());
  } else {
    return raise(vm, vm.types.OSError, "not writable");
  }
  return int_from_int64(vm, static_cast<int64_t>(text->cp_len));
}

Value stream_flush(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, without_self(args), "TextIOWrapper.flush", 0, 0)) return Value::exception();
  if (as_stream(args.positional[0])->fd == 1) vm.flush_stdout();
  return Value::none();
}

// The optional size argument of read()/readline(): -1 when absent or None.
bool size_arg(Vm& vm, const CallArgs& args, const char* fname, int64_t* size) {
  if (!check_args(vm, without_self(args), fname, 0, 1)) return false;
  *size = -1;
  if (args.positional.size() < 2 || args.positional[1].is_none()) return true;
  Value v = args.positional[1];
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError, "argument should be integer or None, not '" + tname(vm, v) + "'");
    return false;
  }
  if (!int_to_int64(v, size)) *size = INT64_MAX;
  if (*size < 0) *size = -1;
  return true;
}

bool check_readable(Vm& vm, Value self) {
  if (as_stream(self)->fd == 0) return true;
  raise(vm, vm.types.OSError, "not readable");
  return false;
}

Value stream_readline(Vm& vm, const CallArgs& args) {
  int64_t size;
  if (!size_arg(vm, args, "readline", &size) || !check_readable(vm, args.positional[0]))
    return Value::exception();
  vm.flush_stdout();
  std::string line;
  int c;
  while ((size < 0 || static_cast<int64_t>(line.size()) < size) && (c = std::getc(stdin)) != EOF) {
    line += static_cast<char>(c);
    if (c == '\n') break;
  }
  return str_new(vm, sanitize_utf8(line));
}

Value stream_read(Vm& vm, const CallArgs& args) {
  int64_t size;
  if (!size_arg(vm, args, "read", &size) || !check_readable(vm, args.positional[0]))
    return Value::exception();
  vm.flush_stdout();
  std::string text;
  char buf[4096];
  while (size < 0 || static_cast<int64_t>(text.size()) < size) {
    size_t want = sizeof buf;
    if (size >= 0) want = std::min<size_t>(want, static_cast<size_t>(size) - text.size());
    size_t n = std::fread(buf, 1, want, stdin);
    if (n == 0) break;
    text.append(buf, n);
  }
  return str_new(vm, sanitize_utf8(text));
}

Value stream_fileno(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, without_self(args), "TextIOWrapper.fileno", 0, 0)) return Value::exception();
  return Value::small_int(as_stream(args.positional[0])->fd);
}

Value stream_isatty(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, without_self(args), "TextIOWrapper.isatty", 0, 0)) return Value::exception();
  return Value::boolean(::isatty(static_cast<int>(as_stream(args.positional[0])->fd)) == 1);
}

const char* stream_name(int64_t fd) { return fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>"; }

Value stream_repr(Vm& vm, Value self) {
  int64_t fd = as_stream(self)->fd;
  std::string s = "<_io.TextIOWrapper name='";
  s += stream_name(fd);
  s += fd == 0 ? "' mode='r'" : "' mode='w'";
  s += " encoding='utf-8'>";
  return str_new(vm, s);
}

Klass* make_stream_klass(Vm& vm) {
  Root<Klass> k(vm, new_klass(vm, "_io.TextIOWrapper", vm.types.object));
  if (k.get() == nullptr) return nullptr;
  k->repr = stream_repr;
  add_method(vm, k, "write", stream_write);
  add_method(vm, k, "flush", stream_flush);
  add_method(vm, k, "readline", stream_readline);
  add_method(vm, k, "read", stream_read);
  add_method(vm, k, "fileno", stream_fileno);
  add_method(vm, k, "isatty", stream_isatty);
  dict_set_name(vm, k->dict, "encoding", Value::object(str_intern(vm, "utf-8")));
  dict_set_name(vm, k->dict, "closed", Value::boolean(false));
  return k.get();
}

Value stream_new(Vm& vm, Klass* k, int64_t fd) {
  Stream* s = vm.alloc<Stream>(k);
  if (s == nullptr) return Value::exception();
  s->fd = fd;
  return Value::object(s);
}

// -- Struct sequences ----------------------------------------------------------------

// Attribute access by field name: the klass dict maps each name to its index.
Value struct_seq_getattr(Vm& vm, Value self, Str* name) {
  (void)vm;
  Value index = dict_get_str(self.as_obj()->klass->dict, name);
  if (!index.is_small_int()) return Value::null();
  return self.as<Tuple>()->items[index.as_small_int()];
}

// "sys.version_info(major=3, ...)": fields in the klass dict's order.
Value struct_seq_repr(Vm& vm, Value self) {
  RootValue s(vm, self);
  Klass* k = self.as_obj()->klass;
  std::string out(k->name->view());
  out += "(";
  uint64_t pos = 0;
  DictEntry* e;
  bool first = true;
  while (dict_next(k->dict, &pos, &e)) {
    if (!e->value.is_small_int()) continue;
    if (!first) out += ", ";
    first = false;
    out += e->key.as<Str>()->view();
    out += "=";
    if (!repr_append(vm, out, s.get().as<Tuple>()->items[e->value.as_small_int()])) return Value::exception();
    k = s.get().as_obj()->klass;
  }
  out += ")";
  return str_new(vm, out);
}

struct Field {
  const char* name;
  Value value;
};

// Builds a struct sequence [type_name] with [fields]; string values are
// given as interned strs by the caller (all Values here are immediates or
// interned, so none needs rooting).
Value struct_seq_new(Vm& vm, std::string_view type_name, std::initializer_list<Field> fields) {
  Root<Klass> k(vm, new_klass(vm, type_name, vm.types.tuple));
  if (k.get() == nullptr) return Value::exception();
  k->getattr = struct_seq_getattr;
  k->repr = struct_seq_repr;
  int64_t i = 0;
  for (const Field& f : fields) dict_set_name(vm, k->dict, f.name, Value::small_int(i++));
  Value t = tuple_new(vm, fields.size());
  CT_TRY(t);
  i = 0;
  for (const Field& f : fields) t.as<Tuple>()->items[i++] = f.value;
  t.as_obj()->klass = k.get();
  return t;
}

Value interned(Vm& vm, const char* s) { return Value::object(str_intern(vm, s)); }

Value make_version_info(Vm& vm) {
  return struct_seq_new(vm, "sys.version_info",
                        {{"major", Value::small_int(3)},
                         {"minor", Value::small_int(11)},
                         {"micro", Value::small_int(0)},
                         {"releaselevel", interned(vm, "final")},
                         {"serial", Value::small_int(0)}});
}

Value make_float_info(Vm& vm) {
  return struct_seq_new(vm, "sys.float_info",
                        {{"max", Value::from_double(DBL_MAX)},
                         {"max_exp", Value::small_int(DBL_MAX_EXP)},
                         {"max_10_exp", Value::small_int(DBL_MAX_10_EXP)},
                         {"min", Value::from_double(DBL_MIN)},
                         {"min_exp", Value::small_int(DBL_MIN_EXP)},
                         {"min_10_exp", Value::small_int(DBL_MIN_10_EXP)},
                         {"dig", Value::small_int(DBL_DIG)},
                         {"mant_dig", Value::small_int(DBL_MANT_DIG)},
                         {"epsilon", Value::from_double(DBL_EPSILON)},
                         {"radix", Value::small_int(FLT_RADIX)},
                         {"rounds", Value::small_int(1)}});
}

Value make_int_info(Vm& vm) {
  return struct_seq_new(vm, "sys.int_info",
                        {{"bits_per_digit", Value::small_int(30)},
                         {"sizeof_digit", Value::small_int(4)},
                         {"default_max_str_digits", Value::small_int(static_cast<int64_t>(kMaxStrDigits))},
                         {"str_digits_check_threshold", Value::small_int(640)}});
}

Value make_implementation(Vm& vm, Value version_info) {
  RootValue vi(vm, version_info);
  return struct_seq_new(
      vm, "sys.implementation",
      {{"name", interned(vm, "contrail")}, {"cache_tag", Value::none()}, {"version", vi.get()}});
}

// -- Functions -----------------------------------------------------------------------

Value sys_exit(Vm& vm, const CallArgs& args) {
  if (!check_no_kwargs(vm, args, "sys.exit")) return Value::exception();
  if (!check_args(vm, args, "exit", 0, 1)) return Value::exception();
  RootValue t(vm, tuple_from(vm, args.positional));
  CT_TRY(t.get());
  Value exc = exception_with_args(vm, vm.types.SystemExit, t);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

Value sys_getrecursionlimit(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "sys.getrecursionlimit", 0, 0)) return Value::exception();
  return Value::small_int(vm.recursion_limit);
}

Value sys_setrecursionlimit(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "sys.setrecursionlimit", 1, 1)) return Value::exception();
  Value v = args.positional[0];
  if (!is_int_like(vm, v))
    return raise(
        vm, vm.types.TypeError,
        std::string("'").append(tname(vm, v)).append("' object cannot be interpreted as an integer"));
  int64_t n;
  if (!int_to_int64(v, &n) || n < INT32_MIN || n > INT32_MAX)
    return raise(vm, vm.types.OverflowError, "Python int too large to convert to C int");
  if (n < 1) return raise(vm, vm.types.ValueError, "recursion limit must be greater or equal than 1");
  if (n <= vm.depth())
    return raise(vm, vm.types.RecursionError,
                 "cannot set the recursion limit to " + std::to_string(n) + " at the recursion depth " +
                     std::to_string(vm.depth()) + ": the limit is too low");
  vm.recursion_limit = static_cast<int>(n);
  return Value::none();
}

Value sys_exception(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "sys.exception", 0, 0)) return Value::exception();
  return vm.handling.is_null() ? Value::none() : vm.handling;
}

Value sys_exc_info(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "sys.exc_info", 0, 0)) return Value::exception();
  RootValue exc(vm, vm.handling.is_null() ? Value::none() : vm.handling);
  Value t = tuple_new(vm, 3);
  CT_TRY(t);
  if (!exc.get().is_none()) {
    Exception* e = exc.get().as<Exception>();
    t.as<Tuple>()->items[0] = Value::object(e->klass);
    t.as<Tuple>()->items[1] = exc;
    t.as<Tuple>()->items[2] = e->traceback != nullptr ? Value::object(e->traceback) : Value::none();
  }
  return t;
}

Value sys_intern(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "intern", 1, 1)) return Value::exception();
  Value s = args.positional[0];
  if (!(s.is_obj() && s.as_obj()->klass == vm.types.str))
    return raise(vm, vm.types.TypeError, "intern() argument must be str, not " + tname(vm, s));
  return Value::object(str_intern(vm, s.as<Str>()->view()));
}

Value sys_get_int_max_str_digits(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "sys.get_int_max_str_digits", 0, 0)) return Value::exception();
  return Value::small_int(static_cast<int64_t>(kMaxStrDigits));
}

struct SysFn {
  const char* name;
  NativeFn fn;
};

constexpr SysFn kFunctions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"exception", sys_exception},
    {"exc_info", sys_exc_info},
    {"intern", sys_intern},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
};

// sys.stdin/stdout/stderr (and their __dunder__ originals).
bool add_streams(Vm& vm, Dict* d) {
  Root<Dict> dict(vm, d);
  Root<Klass> k(vm, make_stream_klass(vm));
  if (k.get() == nullptr) return false;
  static const char* const kNames[] = {"stdin", "stdout", "stderr"};
  for (int64_t fd = 0; fd < 3; ++fd) {
    RootValue s(vm, stream_new(vm, k, fd));
    if (s.get().is_exception()) return false;
    dict_set_name(vm, dict, kNames[fd], s);
    dict_set_name(vm, dict, std::string("__") + kNames[fd] + "__", s);
  }
  return true;
}

// sys.path: starts as a copy of Vm::search_path; the import system reads this
// list (src/interp/import.cpp), so programs may change it.
Value make_path(Vm& vm) {
  Value l = list_new(vm);
  CT_TRY(l);
  Root<List> list(vm, l.as<List>());
  for (const std::string& dir : vm.search_path) {
    Value s = str_new(vm, dir);
    CT_TRY(s);
    if (!list_append(vm, list, s)) return Value::exception();
  }
  return Value::object(list.get());
}

bool add_info(Vm& vm, Dict* d) {
  Root<Dict> dict(vm, d);
  RootValue vi(vm, make_version_info(vm));
  if (vi.get().is_exception()) return false;
  dict_set_name(vm, dict, "version_info", vi);
  RootValue v(vm, make_implementation(vm, vi));
  if (v.get().is_exception()) return false;
  dict_set_name(vm, dict, "implementation", v);
  v.set(make_float_info(vm));
  if (v.get().is_exception()) return false;
  dict_set_name(vm, dict, "float_info", v);
  v.set(make_int_info(vm));
  if (v.get().is_exception()) return false;
  dict_set_name(vm, dict, "int_info", v);
  v.set(int_from_int64(vm, INT64_MAX));
  if (v.get().is_exception()) return false;
  dict_set_name(vm, dict, "maxsize", v);
  dict_set_name(vm, dict, "maxunicode", Value::small_int(0x10FFFF));
  dict_set_name(vm, dict, "version", interned(vm, kVersion));
  dict_set_name(vm, dict, "platform", interned(vm, "linux"));
  dict_set_name(vm, dict, "byteorder", interned(vm, "little"));
  dict_set_name(vm, dict, "executable", interned(vm, ""));
  v.set(make_path(vm));
  if (v.get().is_exception()) return false;
  dict_set_name(vm, dict, "path", v);
  return true;
}

}  // namespace

Value make_sys_module(Vm& vm) {
  Value m = module_new(vm, "sys");
  CT_TRY(m);
  Root<Module> mod(vm, m.as<Module>());
  for (const SysFn& f : kFunctions) add_function(vm, mod->dict, f.name, f.fn);
  dict_set_name(vm, mod->dict, "argv", Value::object(vm.argv));
  dict_set_name(vm, mod->dict, "modules", Value::object(vm.modules));
  if (!add_streams(vm, mod->dict) || !add_info(vm, mod->dict)) return Value::exception();
  return Value::object(mod.get());
}

}  // namespace contrail::runtime
