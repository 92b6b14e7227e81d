// runtime/arith.h -- The number tower: int (small and big), bool and float
// arithmetic, comparison, hashing and rounding with CPython 3.11 semantics.
// Invariants:
//  - bool acts as the int 0/1 everywhere except &, |, ^ between two bools,
//    which return a bool; results are never bools otherwise.
//  - Every int result is normalised (small when it fits; int_from_big).
//  - Small-int and float paths never allocate.
//  - Binary/compare functions return the NotImplemented singleton when an
//    operand is not a number (the caller then tries the other operand's slot);
//    unary functions raise CPython's TypeError themselves.
// Depends on runtime/ only (obj_int.h, bigint_ops.h, float_format.h).
#pragma once

#include <cstdint>

#include "runtime/bytecode.h"
#include "runtime/object.h"

namespace contrail::runtime {

class Vm;

// Largest int result (in bits) the runtime agrees to build; beyond it **, <<
// and round() raise MemoryError instead of trying (and hanging). 2**32 bits is
// 512 MiB of limbs.
inline constexpr uint64_t kMaxIntBits = uint64_t{1} << 32;

// True when [v] is an int, bool or float.
bool arith_is_number(Vm& vm, Value v);

// [a] [op] [b] for numbers (in-place BinOps act like the plain ones); the
// NotImplemented singleton when either side is not a number or the operator
// does not apply (@, bitwise/shift with a float). EXCEPTION on Python errors.
// Negative base ** non-integer float exponent (complex in CPython, which
// Contrail does not have) raises ValueError "negative number cannot be raised
// to a fractional power" (CPython 2's message).
Value arith_binary(Vm& vm, Value a, Value b, BinOp op);

// Python's float % and // kernels (floatobject.c); [wx] != 0.
double float_mod(double vx, double wx);
void float_divmod(double vx, double wx, double* floordiv, double* mod);

// pow([base], [exp], [mod]) (3-argument pow). TypeError "pow() 3rd argument
// not allowed unless all arguments are integers" when all are numbers but one
// is a float; NotImplemented when any is not a number (the caller raises
// "unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'").
Value arith_pow3(Vm& vm, Value base, Value exp, Value mod);

// Rich comparison of two numbers, exact across int/big/float/bool (nan is
// unordered and unequal to everything). A bool Value, or NotImplemented.
Value arith_compare(Vm& vm, Value a, Value b, CmpOp op);

// -x, +x, ~x, abs(x): raise TypeError "bad operand type for unary -: 'str'" /
// "bad operand type for abs(): 'str'" for non-numbers (~ also for float).
Value arith_neg(Vm& vm, Value v);
Value arith_pos(Vm& vm, Value v);
Value arith_invert(Vm& vm, Value v);
Value arith_abs(Vm& vm, Value v);

// divmod([a], [b]) as a 2-tuple; NotImplemented for non-numbers (the caller
// raises "unsupported operand type(s) for divmod(): 'str' and 'int'").
Value arith_divmod(Vm& vm, Value a, Value b);

// round([x]) when [ndigits] is NULL or None (float -> int, half to even),
// else round([x], [ndigits]) (float -> float via float_round, int -> int).
// [ndigits] must be an int or bool ("'float' object cannot be interpreted as
// an integer"). NotImplemented when [x] is not a number (the caller raises
// "type str doesn't define __round__ method").
Value arith_round(Vm& vm, Value x, Value ndigits);

// CPython's numeric hash of a number: equal numbers hash equal across int,
// bool and float (|x| mod 2**61-1 with sign, -1 becomes -2; inf 314159; nan 0).
// Always true for numbers.
bool arith_hash(Vm& vm, Value v, int64_t* out);
// CPython's _Py_HashDouble for a non-nan [d] (nan hashes to 0 here).
int64_t hash_double(double d);

// Truth of a number Value (an int, bool or float): 1 or 0.
int arith_truth(Value v);

// Converts an int/bool/float to double; false with OverflowError "int too
// large to convert to float" pending for huge ints, TypeError "must be real
// number, not str" for non-numbers.
bool arith_to_double(Vm& vm, Value v, double* out);

// int([d]): truncates toward zero; ValueError "cannot convert float NaN to
// integer" / OverflowError "cannot convert float infinity to integer".
Value arith_float_to_int(Vm& vm, double d);

}  // namespace contrail::runtime
