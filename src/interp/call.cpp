// src/interp/call.cpp -- Frame set-up for calls to Python functions: argument
// binding (positional, keyword, defaults, *args, **kwargs) with CPython's
// error messages, cells and free variables.
// GC invariant: before anything here allocates, every slot of the new frame
// below Vm::sp holds a valid Value (NULL for empty), so the collector scans a
// consistent stack.
#include "src/interp/call.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"

namespace contrail::interp {

using namespace runtime;

namespace {

std::string fn_name(Function* fn) { return std::string(fn->qualname->view()); }

std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    s += "'" + names[i] + "'";
  }
  return s;
}

bool raise_missing(Vm& vm, Function* fn, const std::vector<std::string>& missing, const char* kind) {
  std::string msg = fn_name(fn) + "() missing " + std::to_string(missing.size()) + " required " + kind +
                    " argument" + (missing.size() == 1 ? "" : "s") + ": " + join_names(missing);
  raise(vm, vm.types.TypeError, msg);
  return false;
}

bool raise_too_many(Vm& vm, Function* fn, size_t given, size_t nkw_given) {
  Code* c = fn->code;
  size_t ndef = fn->defaults ? fn->defaults->size : 0;
  std::string takes;
  if (ndef > 0) {
    takes = "from " + std::to_string(c->argcount - ndef) + " to " + std::to_string(c->argcount);
  } else {
    takes = std::to_string(c->argcount);
  }
  std::string msg = fn_name(fn) + "() takes " + takes + " positional argument" +
                    (c->argcount == 1 && ndef == 0 ? "" : "s") + " but " + std::to_string(given);
  if (nkw_given > 0) {
    msg += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " + std::to_string(nkw_given) +
           " keyword-only argument" + (nkw_given == 1 ? "" : "s") + ") were given";
  } else {
    msg += given == 1 ? " was given" : " were given";
  }
  raise(vm, vm.types.TypeError, msg);
  return false;
}

int find_param(Code* c, Str* name, uint32_t first, uint32_t end) {
  for (uint32_t i = first; i < end; ++i) {
    Str* p = c->varnames->items[i].as<Str>();
    if (p == name || str_equal(p, name)) return static_cast<int>(i);
  }
  return -1;
}

bool bind_keywords(Vm& vm, Function* fn, Value* locals, const Value* kwv, Tuple* kwnames, Dict* varkw) {
  Code* c = fn->code;
  uint32_t nparams = c->argcount + c->kwonlyargcount;
  for (uint64_t k = 0; k < kwnames->size; ++k) {
    Str* name = kwnames->items[k].as<Str>();
    int i = find_param(c, name, c->posonlyargcount, nparams);
    if (i >= 0) {
      if (!locals[i].is_null()) {
        raise(vm, vm.types.TypeError,
              fn_name(fn) + "() got multiple values for argument '" + std::string(name->view()) + "'");
        return false;
      }
      locals[i] = kwv[k];
      continue;
    }
    if (varkw != nullptr) {
      if (!dict_set(vm, varkw, Value::object(name), kwv[k])) return false;
      continue;
    }
    if (find_param(c, name, 0, c->posonlyargcount) >= 0) {
      raise(vm, vm.types.TypeError,
            fn_name(fn) + "() got some positional-only arguments passed as keyword arguments: '" +
                std::string(name->view()) + "'");
      return false;
    }
    raise(vm, vm.types.TypeError,
          fn_name(fn) + "() got an unexpected keyword argument '" + std::string(name->view()) + "'");
    return false;
  }
  return true;
}

bool fill_defaults(Vm& vm, Function* fn, Value* locals) {
  Code* c = fn->code;
  uint64_t ndef = fn->defaults ? fn->defaults->size : 0;
  std::vector<std::string> missing;
  for (uint32_t i = 0; i < c->argcount; ++i) {
    if (!locals[i].is_null()) continue;
    if (i + ndef >= c->argcount) {
      locals[i] = fn->defaults->items[i + ndef - c->argcount];
    } else {
      missing.emplace_back(c->varnames->items[i].as<Str>()->view());
    }
  }
  if (!missing.empty()) return raise_missing(vm, fn, missing, "positional");
  for (uint32_t i = c->argcount; i < c->argcount + c->kwonlyargcount; ++i) {
    if (!locals[i].is_null()) continue;
    Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, c->varnames->items[i].as<Str>()) : Value::null();
    if (d.is_null()) {
      missing.emplace_back(c->varnames->items[i].as<Str>()->view());
    } else {
      locals[i] = d;
    }
  }
  if (!missing.empty()) return raise_missing(vm, fn, missing, "keyword-only");
  return true;
}

// The general binder: [npos] positional args at locals[0..npos), [nkw] keyword
// values at kw[0..nkw) with names [kwnames]; kw lies above the frame's slots.
bool bind_general(Vm& vm, Function* fn, Value* locals, size_t npos, Value* kw, size_t nkw, Tuple* kwnames) {
  Code* c = fn->code;
  uint32_t nparams = c->argcount + c->kwonlyargcount;
  if (npos > c->argcount) {
    if (!(c->flags & kCodeVarargs)) {
      size_t kwonly_given = 0;
      for (size_t k = 0; k < nkw; ++k)
        if (find_param(c, kwnames->items[k].as<Str>(), c->argcount, nparams) >= 0) ++kwonly_given;
      return raise_too_many(vm, fn, npos, kwonly_given);
    }
    Value t = tuple_from(vm, std::span<const Value>(locals + c->argcount, npos - c->argcount));
    if (t.is_exception()) return false;
    std::fill(locals + c->argcount, locals + npos, Value::null());
    locals[nparams] = t;
  } else if (c->flags & kCodeVarargs) {
    Value t = tuple_new(vm, 0);
    if (t.is_exception()) return false;
    locals[nparams] = t;
  }
  Dict* varkw = nullptr;
  if (c->flags & kCodeVarkeywords) {
    uint32_t slot = nparams + ((c->flags & kCodeVarargs) ? 1 : 0);
    Value d = dict_new(vm);
    if (d.is_exception()) return false;
    locals[slot] = d;
    varkw = d.as<Dict>();
  }
  if (nkw > 0 && !bind_keywords(vm, fn, locals, kw, kwnames, varkw)) return false;
  return fill_defaults(vm, fn, locals);
}

bool init_cells(Vm& vm, Function* fn, Value* locals) {
  Code* c = fn->code;
  Value* cells = locals + c->nlocals;
  const int32_t* cell_param = c->cell_param->as<int32_t>();
  for (uint32_t i = 0; i < c->ncells; ++i) {
    Value init = cell_param[i] >= 0 ? locals[cell_param[i]] : Value::null();
    Value cell = cell_new(vm, init);
    if (cell.is_exception()) return false;
    cells[i] = cell;
  }
  for (uint32_t i = 0; i < c->nfree; ++i) cells[c->ncells + i] = fn->closure->items[i];
  return true;
}

}  // namespace

Frame* push_frame(Vm& vm, Function* fn, Value* locals, size_t npos, size_t nkw, Tuple* kwnames,
                  Value* result_slot, bool is_entry) {
  Code* c = fn->code;
  uint32_t nslots = c->nlocals + c->ncells + c->nfree;
  if (vm.depth() >= vm.recursion_limit || vm.frame + 1 >= vm.frames_limit ||
      locals + nslots + c->max_stack + npos + nkw + 2 >= vm.stack_limit) {
    raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  bool simple = nkw == 0 && npos == c->argcount && c->kwonlyargcount == 0 &&
                !(c->flags & (kCodeVarargs | kCodeVarkeywords));
  if (simple) {
    std::fill(locals + npos, locals + nslots, Value::null());
    vm.sp = locals + nslots;
  } else {
    // Move keyword values (and their names tuple) above the frame's slots.
    Value* kw = locals + std::max(npos + nkw + 1, static_cast<size_t>(nslots));
    std::memmove(static_cast<void*>(kw), locals + npos, (nkw + 1) * sizeof(Value));
    if (nkw == 0) kw[0] = Value::null();
    else kw[nkw] = Value::object(kwnames);
    std::fill(locals + npos, kw, Value::null());
    vm.sp = kw + nkw + 1;
    Root<Function> rf(vm, fn);
    if (!bind_general(vm, fn, locals, npos, kw, nkw, kwnames)) return nullptr;
    vm.sp = locals + nslots;
  }
  if (nslots != c->nlocals) {
    Root<Function> rf(vm, fn);
    if (!init_cells(vm, fn, locals)) return nullptr;
  }
  c->entry_counter++;
  Frame* f = ++vm.frame;
  f->func = fn;
  f->code = c;
  f->globals = fn->globals;
  f->locals = locals;
  f->stack_base = locals + nslots;
  f->pc = c->code();
  f->result_slot = result_slot;
  f->is_entry = is_entry ? 1 : 0;
  f->is_init = 0;
  f->gen = nullptr;
  f->ns = nullptr;
  vm.sp = f->stack_base;
  return f;
}

}  // namespace contrail::interp
