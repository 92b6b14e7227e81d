// runtime/obj_instance.h -- Instances of user classes, their shapes (hidden
// classes), user-class creation, and the descriptor types (property,
// staticmethod, classmethod, super).
// Invariants:
//  - An Instance in shape mode keeps attribute i of its Shape in slots->items[i];
//    instances that took the same attribute-adding path share one Shape, so a
//    (shape, slot) pair is a valid inline-cache key for the interpreter and JIT.
//  - An Instance whose attributes were deleted or outgrew kMaxShapeSlots is in
//    dict mode: shape == null and every attribute is in dict.
//  - A Shape never changes after creation; transitions only add children.
#pragma once

#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

struct ValueArray;

struct Shape : Obj {
  Shape* parent;
  Str* name;            // attribute added by this transition (null at the root)
  uint32_t nslots;      // attributes in this shape
  Dict* index;          // attribute name -> slot index (small int)
  Dict* transitions;    // attribute name -> child Shape
};

struct Instance : Obj {
  Shape* shape;         // null in dict mode
  ValueArray* slots;
  Dict* dict;           // dict mode storage, or null
};

struct Property : Obj {
  Value fget, fset, fdel, doc;
};

// staticmethod and classmethod.
struct MethodWrapper : Obj {
  Value func;
};

struct Super : Obj {
  Klass* type;          // search starts after this class in the MRO
  Value obj;            // instance (or class) the lookup binds to
  Klass* obj_type;      // type(obj), or obj itself when obj is a class
};

constexpr uint32_t kMaxShapeSlots = 64;

// Creates a class: type(name, bases, ns). Sets __classcell__'s cell. EXCEPTION on error.
Value class_new(Vm& vm, Str* name, Tuple* bases, Dict* ns);
// Calls the class [cls]: __new__ then __init__, as type.__call__.
Value class_call(Vm& vm, Klass* cls, const CallArgs& args);
// When calling [cls] only makes a plain instance and runs a Python __init__
// on it (a user class of plain instances made by type, no __new__ but
// object's), returns that __init__; otherwise null. The interpreter and the
// JIT then run __init__ as an ordinary Python call.
Function* simple_init_of(Vm& vm, Klass* cls);
// A new plain instance of [cls] (empty shape); EXCEPTION (MemoryError) on failure.
Value plain_instance_new(Vm& vm, Klass* cls);
// Looks [name] up along [k]'s MRO; NULL when missing (no exception).
Value mro_lookup(Klass* k, Str* name);
// The same through Vm's global type-attribute cache (names must be interned
// strs, which all attribute names from bytecode are).
Value mro_lookup(Vm& vm, Klass* k, Str* name);
// Instance attribute storage: the value or NULL.
Value instance_get_own(Vm& vm, Value obj, Str* name);
// Calls the special method [name] of type(self) with [self] and [args]
// (bound lookup through the MRO); NULL when type(self) lacks it.
Value call_special(Vm& vm, Value self, const char* name, std::span<const Value> args);

void init_class_types(Vm& vm);  // property, staticmethod, classmethod, super, shape; type's slots

}  // namespace contrail::runtime
