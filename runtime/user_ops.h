// runtime/user_ops.h -- Operator dispatch to dunder methods of user classes
// (runtime/obj_class.cpp), used by the generic protocol in runtime/ops.cpp.
#pragma once

#include "runtime/bytecode.h"
#include "runtime/object.h"
#include "runtime/vm.h"

namespace contrail::runtime {

// a OP b through __op__/__rop__/__iop__ of user classes, with CPython's rules
// (reflected first when type(b) is a subclass of type(a)). Returns the
// NotImplemented singleton when no dunder applies.
Value user_binary(Vm& vm, Value a, Value b, BinOp op);
// Rich comparison through __lt__ ... __ge__ (reflected: __gt__ for <, ...);
// != falls back to the negation of __eq__. NotImplemented when none applies.
Value user_compare(Vm& vm, Value a, Value b, CmpOp op);
// Recomputes the special-method slots of user class [k] from its MRO.
void update_slots(Vm& vm, Klass* k);
// Adds property, staticmethod, classmethod, super and __build_class__ to builtins.
void register_class_builtins(Vm& vm);

}  // namespace contrail::runtime
