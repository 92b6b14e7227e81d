// src/interp/loop_helpers.h -- The out-of-line work of the dispatch loop
// (src/interp/interp.cpp): error construction, unpacking, displays, function
// creation, raising and handler lookup, star calls, imports, with, inline-cache
// filling and generator frames. Each helper may allocate or raise; the loop
// syncs Vm::sp before calling one. Helpers that need Roots live here because
// the loop's handlers end in computed gotos, which skip C++ destructors.
#pragma once

#include "runtime/inline_cache.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_tuple.h"
#include "runtime/vm.h"

namespace contrail::interp::loop {

using runtime::Code;
using runtime::Dict;
using runtime::ExceptionRange;
using runtime::Frame;
using runtime::InlineCache;
using runtime::Klass;
using runtime::Shape;
using runtime::Str;
using runtime::Value;
using runtime::Vm;

Value name_error(Vm& vm, Str* name, Code* code = nullptr, Dict* globals = nullptr);
Value unbound_local(Vm& vm, Code* code, uint32_t slot);
Value unbound_deref(Vm& vm, Code* code, uint32_t i);
Value load_global(Vm& vm, Code* code, Dict* globals, Str* name);
bool unpack_sequence(Vm& vm, Value seq, uint32_t n, Value* out);
bool unpack_ex(Vm& vm, Value seq, uint32_t before, uint32_t after, Value* out);
bool unpack_sequence_into(Vm& vm, Value* out, uint32_t n);
bool unpack_ex_into(Vm& vm, Value* out, uint32_t before, uint32_t after);
Value build_string(Vm& vm, const Value* parts, uint32_t n);
Value build_map(Vm& vm, Value* items, uint32_t n);
Value make_function(Vm& vm, Frame* frame, uint32_t flags, Value* sp_after);
Value make_raisable(Vm& vm, Value v);
Value do_raise(Vm& vm, Value exc, Value cause);
int check_exc_match(Vm& vm, Value exc, Value type);
void add_traceback(Vm& vm, Code* code, int line);
const ExceptionRange* find_handler(Code* code, uint32_t pc);
Value call_ex(Vm& vm, Value callable, Value args, Value kwargs);
Value import_from(Vm& vm, Value module, Str* name);
bool import_star(Vm& vm, Value module, Dict* globals);
Value with_enter(Vm& vm, Value mgr, Value* exit_out);
bool is_shape_instance(Value obj, Klass* k);
bool is_data_descriptor(Vm& vm, Value v);
void fill_load_attr(Vm& vm, InlineCache* ic, Value obj, Str* name);
void fill_store_attr(Vm& vm, InlineCache* ic, Value obj, Str* name, Shape* before);
Value make_generator(Vm& vm, Frame* frame, const uint32_t* pc, Value* sp);

// CALL of a class whose instantiation is a plain instance plus a Python
// __init__ (simple_init_of), with [npos] positional arguments at fslot + 2:
// makes the instance, stores it in the result slot fslot[0] and as self in
// fslot[1], and pushes __init__'s frame (Frame::is_init). Returns the frame;
// null with *[simple] false when the generic call applies, or with *[simple]
// true and an exception pending.
Frame* push_init_frame(Vm& vm, Value* fslot, size_t npos, bool* simple);
// The TypeError of an __init__ that returned [result] (not None).
void raise_init_result(Vm& vm, Value result);
void save_generator(Frame* frame, const uint32_t* pc, Value* sp);
Value send_to(Vm& vm, Value it, Value v, Value* returned);

}  // namespace contrail::interp::loop
