// runtime/obj_int.h -- int: small ints live in the Value; larger ones are BigInt
// heap objects holding GMP limbs inline. One integer, one representation: a
// BigInt never holds a value that fits a small int (int_from_big normalises).
#pragma once

#include <gmp.h>

#include <string>

#include "runtime/bigint_ops.h"
#include "runtime/object.h"

namespace contrail::runtime {

struct BigInt : Obj {
  uint32_t size;  // number of limbs (> 0)
  uint8_t neg;
  mp_limb_t limbs[];

  BigView view() const { return BigView{neg != 0, std::span<const mp_limb_t>(limbs, size)}; }
};

// True for small ints and BigInts (not bools).
bool is_int(Vm& vm, Value v);
// True for ints and bools (Python's isinstance(v, int)).
bool is_int_like(Vm& vm, Value v);
// An int Value for any int64.
Value int_from_int64(Vm& vm, int64_t i);
// An int Value for [n], small when it fits.
Value int_from_big(Vm& vm, const BigNum& n);
// A view of any int-like Value; [tmp] stores small ints/bools.
BigView int_view(Value v, BigNum& tmp);
// Converts an int-like Value to int64; false when it does not fit.
bool int_to_int64(Value v, int64_t* out);
// Decimal text of an int (no limit check).
std::string int_to_string(Value v, int base = 10);

}  // namespace contrail::runtime
