// jit/helpers.h -- C++ functions that compiled traces call (System V ABI) for
// work not worth inlining as machine code. Each is a plain function of
// unboxed arguments; none raises: a helper that can fail returns a value the
// trace guards on, and the interpreter redoes the operation after the exit.
#pragma once

#include <cstdint>

namespace contrail::runtime {
class Vm;
struct Obj;
}  // namespace contrail::runtime

namespace contrail::jit::helpers {

// Python // and % on small ints; [y] != 0 and not (x == kSmallIntMin and y == -1)
// (the trace guards both).
int64_t int_floordiv(int64_t x, int64_t y);
int64_t int_mod(int64_t x, int64_t y);
// Python // and % on floats; [y] != 0 (guarded).
double float_floordiv(double x, double y);
double float_mod(double x, double y);
// list.append: 1 on success, 0 when memory ran out (nothing changed; the
// interpreter redoes the append and raises MemoryError). Can collect.
uint64_t list_append(runtime::Vm* vm, runtime::Obj* list, uint64_t value_bits);
// range(start, stop, step) with small ints, step != 0 (guarded): the range
// object's Value bits, or Value::exception() bits when memory ran out
// (nothing pending: the interpreter redoes the call). Can collect.
uint64_t range_new(runtime::Vm* vm, int64_t start, int64_t stop, int64_t step);
// iter(x) for a list or range: the iterator's Value bits, or exception bits
// as above. Can collect.
uint64_t get_iter(runtime::Vm* vm, uint64_t value_bits);

// d[key] for an exact dict and a key whose hashing and comparison run no
// Python code (int, float, str, bool, None): the value's bits, or NULL bits
// when the key is missing (the interpreter then raises KeyError).
uint64_t dict_get(runtime::Vm* vm, runtime::Obj* dict, uint64_t key_bits);
// d[key] = value (same keys): 1, or 0 when memory ran out. Can collect.
uint64_t dict_set(runtime::Vm* vm, runtime::Obj* dict, uint64_t key_bits, uint64_t value_bits);
// key in container (exact dict, set or frozenset; same keys): 0 or 1.
uint64_t contains(runtime::Vm* vm, uint64_t container_bits, uint64_t key_bits);

// A new plain instance of user class [cls] (runtime::plain_instance_new):
// its Value bits, or exception bits when memory ran out (nothing pending).
uint64_t instance_new(runtime::Vm* vm, runtime::Obj* cls);
// obj.name = value for a plain instance whose class has no __setattr__ and no
// property [name] (checked when recording, guarded by the class-change epoch):
// 1, or 0 when memory ran out. Adds the attribute (shape transition). Can collect.
uint64_t store_attr(runtime::Vm* vm, uint64_t obj_bits, runtime::Obj* name, uint64_t value_bits);

}  // namespace contrail::jit::helpers
