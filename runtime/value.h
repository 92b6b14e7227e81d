// runtime/value.h -- Value: the 64-bit NaN-boxed representation of every Python value.
// Invariants:
//  - A double is stored as its own bits, except that every NaN is boxed as one
//    of two quiet NaNs, kCanonicalNan with or without its sign bit (the sign
//    is kept, as CPython keeps it: on x86, inf - inf is -nan). Both have top
//    16 bits below kTagMin, and x86 arithmetic on them only yields them again
//    (or its default NaN, which is the negative one), so compiled code can
//    box an arithmetic result without checking it (jit/backend_x64.cpp).
//  - Tagged values use the top 16 bits (0xFFF9..0xFFFF) as a tag and the low 48
//    bits as payload. An int that fits 48 bits (kSmallIntMin..kSmallIntMax) is
//    always a small int; only larger ones are heap BigInts (one value, one form).
//  - NULL (empty local slot / call-protocol marker) and EXCEPTION (a pending
//    exception is in Vm::pending) are not Python objects and never escape to
//    Python code.
// Depends on nothing but the standard library.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace contrail::runtime {

struct Obj;

class Value {
 public:
  static constexpr uint64_t kTagShift = 48;
  static constexpr uint64_t kPayloadMask = (uint64_t{1} << 48) - 1;
  static constexpr uint64_t kTagMin = 0xFFF9;
  static constexpr uint64_t kTagObj = 0xFFF9;
  static constexpr uint64_t kTagInt = 0xFFFA;
  static constexpr uint64_t kTagBool = 0xFFFB;
  static constexpr uint64_t kTagSpecial = 0xFFFC;  // None, NULL, EXCEPTION
  static constexpr uint64_t kCanonicalNan = 0x7FF8000000000000ull;
  static constexpr uint64_t kSignBit = 0x8000000000000000ull;
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 47) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 47);

  static constexpr uint64_t kNoneBits = (kTagSpecial << kTagShift) | 0;
  static constexpr uint64_t kNullBits = (kTagSpecial << kTagShift) | 1;
  static constexpr uint64_t kExceptionBits = (kTagSpecial << kTagShift) | 2;
  static constexpr uint64_t kFalseBits = (kTagBool << kTagShift) | 0;
  static constexpr uint64_t kTrueBits = (kTagBool << kTagShift) | 1;

  constexpr Value() : bits_(kNullBits) {}

  // -- Construction ---------------------------------------------------------
  static Value from_bits(uint64_t bits) { return Value(bits); }
  static Value from_double(double d) {
    const uint64_t bits = std::bit_cast<uint64_t>(d);
    if (d != d) return Value((bits & kSignBit) | kCanonicalNan);
    return Value(bits);
  }
  // [i] must satisfy fits_small_int(i); see int_from_int64() for any int64.
  static Value small_int(int64_t i) {
    return Value((kTagInt << kTagShift) | (static_cast<uint64_t>(i) & kPayloadMask));
  }
  static bool fits_small_int(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
  static Value object(const Obj* o) {
    return Value((kTagObj << kTagShift) | reinterpret_cast<uint64_t>(o));
  }
  static constexpr Value none() { return Value(kNoneBits); }
  static constexpr Value null() { return Value(kNullBits); }
  static constexpr Value exception() { return Value(kExceptionBits); }
  static constexpr Value boolean(bool b) { return Value(b ? kTrueBits : kFalseBits); }

  // -- Tests ----------------------------------------------------------------
  uint64_t tag() const { return bits_ >> kTagShift; }
  bool is_double() const { return tag() < kTagMin; }
  bool is_small_int() const { return tag() == kTagInt; }
  bool is_obj() const { return tag() == kTagObj; }
  bool is_bool() const { return tag() == kTagBool; }
  bool is_none() const { return bits_ == kNoneBits; }
  bool is_null() const { return bits_ == kNullBits; }
  bool is_exception() const { return bits_ == kExceptionBits; }
  bool is_true() const { return bits_ == kTrueBits; }
  bool is_false() const { return bits_ == kFalseBits; }

  // -- Payloads -------------------------------------------------------------
  double as_double() const { return std::bit_cast<double>(bits_); }
  int64_t as_small_int() const {
    return static_cast<int64_t>(bits_ << (64 - kTagShift)) >> (64 - kTagShift);
  }
  bool as_bool() const { return bits_ == kTrueBits; }
  Obj* as_obj() const { return reinterpret_cast<Obj*>(bits_ & kPayloadMask); }
  template <class T>
  T* as() const { return reinterpret_cast<T*>(bits_ & kPayloadMask); }

  uint64_t bits() const { return bits_; }
  bool operator==(const Value& o) const = default;

 private:
  constexpr explicit Value(uint64_t bits) : bits_(bits) {}
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace contrail::runtime
