// runtime/object.h -- The heap object header and the Klass (type object).
// Klass-Oop split: behaviour lives in the Klass, data in the object; objects
// have no C++ vtable, so field offsets are fixed and the JIT can load them.
// Invariants:
//  - Every GC object starts with Obj; Obj::klass is never null after allocation.
//  - A Klass is itself an Obj whose klass is the `type` type.
//  - Slots left null mean "not supported"; callers raise the CPython TypeError.
// Depends on runtime/value.h only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "runtime/value.h"

namespace contrail::runtime {

class Vm;
struct Klass;
struct Str;
struct Tuple;
struct Dict;

// Visitor used by the GC to reach an object's references.
class Tracer;

struct Obj {
  Klass* klass;
  uint32_t gc_mark;   // epoch of the last collection that marked it
  uint32_t size8;     // allocation size in 8-byte words (set by the heap)
  Obj* gc_next;       // intrusive list of all heap objects (GC v1)
};

// Which built-in layout an object has; user classes (later) add INSTANCE.
enum class TypeKind : uint8_t {
  OBJECT, TYPE, INT, BOOL, FLOAT, NONE, STR, TUPLE, LIST, DICT, RANGE, SLICE,
  FUNCTION, NATIVE, BOUND_METHOD, CODE, CELL, MODULE, EXCEPTION, ITERATOR,
  DICT_VIEW, VALUE_ARRAY, RAW, TRACEBACK, SINGLETON, INSTANCE, SHAPE, DESCRIPTOR, SUPER,
  GENERATOR, SET,
};

// Call arguments as seen by native functions. positional points into the VM
// stack (rooted by the caller); kwvalues likewise; kwnames is a tuple of str or
// null. For methods, positional[0] is self.
struct CallArgs {
  std::span<const Value> positional;
  std::span<const Value> kwvalues;
  Tuple* kwnames = nullptr;
};

using NativeFn = Value (*)(Vm& vm, const CallArgs& args);
using TraceFn = void (*)(Obj* self, Tracer& tracer);
using ReprFn = Value (*)(Vm& vm, Value self);             // returns a Str or EXCEPTION
using HashFn = bool (*)(Vm& vm, Value self, int64_t* out);  // false: exception pending
using IterFn = Value (*)(Vm& vm, Value self);             // iter(self)
// next(self): returns the item, Value::null() when exhausted, or EXCEPTION.
using IterNextFn = Value (*)(Vm& vm, Value self);
using LenFn = bool (*)(Vm& vm, Value self, int64_t* out);
using GetItemFn = Value (*)(Vm& vm, Value self, Value key);
using SetItemFn = bool (*)(Vm& vm, Value self, Value key, Value value);  // value NULL = delete
using ContainsFn = int (*)(Vm& vm, Value self, Value item);            // 1/0, -1 exception
// Rich comparison / binary operator slots: return the NotImplemented singleton
// when the operand types are not handled (then the other operand is tried).
// [a] or [b] (either side) has the slot's type.
using RichCmpFn = Value (*)(Vm& vm, Value a, Value b, uint8_t cmp_op);
using BinaryFn = Value (*)(Vm& vm, Value a, Value b, uint8_t bin_op);
using UnaryFn = Value (*)(Vm& vm, Value self);
using BoolFn = int (*)(Vm& vm, Value self);                            // 1/0, -1 exception
using GetAttrFn = Value (*)(Vm& vm, Value self, Str* name);            // NULL: not found, no exception
using SetAttrFn = bool (*)(Vm& vm, Value self, Str* name, Value value);  // value NULL = delete

struct Klass : Obj {
  TypeKind kind;
  uint8_t flags;           // KlassFlags
  Str* name;
  Klass* base;             // single base for built-ins (object's base is null)
  Tuple* mro;              // tuple of Klass, self first
  Tuple* bases;            // direct bases (user classes); null for built-ins
  Str* qualname;           // user classes; null for built-ins (name is used)
  Value module;            // __module__ of user classes (NULL for built-ins)
  uint32_t instance_size;  // bytes of an instance (user classes)
  uint32_t dict_offset;    // offset of a Dict* attribute field in instances, 0 = none
  Dict* dict;              // methods and class attributes
  // Slots.
  TraceFn trace;
  ReprFn repr;
  ReprFn str;
  HashFn hash;
  IterFn iter;
  IterNextFn iternext;
  LenFn len;
  GetItemFn getitem;
  SetItemFn setitem;
  ContainsFn contains;
  RichCmpFn richcompare;
  BinaryFn binary;       // all BinOps incl. in-place; see runtime/ops.cpp for the protocol
  UnaryFn neg;
  UnaryFn pos;
  UnaryFn invert;
  BoolFn truth;          // null: true unless len() is 0 (when len exists)
  GetAttrFn getattr;     // instance attributes before the type's dict; may be null
  SetAttrFn setattr;     // attribute assignment/deletion; null: read-only attributes
  NativeFn call;           // calling an instance (type objects use their constructor)
  NativeFn construct;      // type(...) called: builds an instance (args exclude the type)
};

enum KlassFlags : uint8_t {
  kKlassBaseType = 1,     // may be subclassed
  kKlassImmutable = 2,    // attributes cannot be set on the type
  kKlassUser = 4,         // created by a class statement (dunder methods dispatch through slots)
};

// Returns true when [k] is [base] or derives from it.
bool klass_is_subclass(const Klass* k, const Klass* base);

}  // namespace contrail::runtime
