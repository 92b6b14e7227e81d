// tests/unit/arith_test.cpp -- Tests runtime/arith.cpp (the number tower) and
// the int/bool/float helpers of runtime/obj_int.cpp on a fresh VM, without the
// interpreter. Expected values and messages come from CPython 3.11. Results
// are checked right away (immediates, or BigInts rooted with RootValue when a
// later step allocates).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime/arith.h"
#include "runtime/bigint_ops.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class ArithTest : public ::testing::Test {
 protected:
  ArithTest() : vm(VmOptions{}) {}

  Value i(int64_t v) { return int_from_int64(vm, v); }
  Value f(double d) { return Value::from_double(d); }
  // An int parsed from decimal text (any size).
  Value big(const char* text) {
    BigNum n;
    EXPECT_EQ(big_parse(text, 10, &n), BigParse::OK);
    return int_from_big(vm, n);
  }
  Value bin(Value a, Value b, BinOp op) { return arith_binary(vm, a, b, op); }

  // The pending exception as "Type: message", clearing it.
  std::string error() {
    EXPECT_FALSE(vm.pending.is_null());
    std::string out(type_name(vm, vm.pending));
    Value s = exception_str(vm, vm.pending);
    if (s.is_obj()) {
      std::string_view text = s.as<Str>()->view();
      if (!text.empty()) out += ": " + std::string(text);
    }
    vm.pending = Value::null();
    return out;
  }
  std::string text(Value v) {
    EXPECT_FALSE(v.is_exception());
    return int_to_string(v);
  }
  bool is_ni(Value v) { return v == vm.singleton_not_implemented; }

  Vm vm;
};

// -- Small ints --------------------------------------------------------------------

TEST_F(ArithTest, SmallArithmeticStaysSmall) {
  EXPECT_EQ(bin(i(2), i(3), BinOp::ADD), Value::small_int(5));
  EXPECT_EQ(bin(i(2), i(3), BinOp::SUB), Value::small_int(-1));
  EXPECT_EQ(bin(i(-4), i(3), BinOp::MUL), Value::small_int(-12));
  EXPECT_EQ(bin(i(7), i(2), BinOp::IADD), Value::small_int(9));  // in-place acts as plain
}

TEST_F(ArithTest, SmallOverflowPromotesToBig) {
  Value max = i(Value::kSmallIntMax);
  Value r = bin(max, i(1), BinOp::ADD);
  ASSERT_TRUE(r.is_obj());
  EXPECT_EQ(text(r), "140737488355328");
  RootValue keep(vm, r);
  EXPECT_EQ(bin(r, i(1), BinOp::SUB), max);  // back to small: one value, one form
  EXPECT_EQ(text(bin(max, max, BinOp::MUL)), "19807040628565802923409276929");
  EXPECT_EQ(text(bin(i(Value::kSmallIntMin), i(-1), BinOp::FLOORDIV)), "140737488355328");
  EXPECT_EQ(text(arith_neg(vm, i(Value::kSmallIntMin))), "140737488355328");
}

TEST_F(ArithTest, FloorDivisionAndModuloSigns) {
  EXPECT_EQ(bin(i(-5), i(3), BinOp::FLOORDIV), Value::small_int(-2));
  EXPECT_EQ(bin(i(5), i(-3), BinOp::MOD), Value::small_int(-1));
  EXPECT_EQ(bin(i(-7), i(2), BinOp::MOD), Value::small_int(1));
  EXPECT_EQ(text(bin(big("-1267650600228229401496703205376"), i(3), BinOp::FLOORDIV)),
            "-422550200076076467165567735126");
}

TEST_F(ArithTest, ZeroDivisionMessages) {
  EXPECT_TRUE(bin(i(1), i(0), BinOp::TRUEDIV).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: division by zero");
  EXPECT_TRUE(bin(i(1), i(0), BinOp::FLOORDIV).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: integer division or modulo by zero");
  EXPECT_TRUE(bin(i(1), i(0), BinOp::MOD).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: integer modulo by zero");
  EXPECT_TRUE(bin(f(1), i(0), BinOp::TRUEDIV).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: float division by zero");
  EXPECT_TRUE(bin(i(1), f(0), BinOp::FLOORDIV).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: float floor division by zero");
  EXPECT_TRUE(bin(f(1), f(0), BinOp::MOD).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: float modulo");
  EXPECT_TRUE(arith_divmod(vm, f(1), i(0)).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: float divmod()");
  EXPECT_TRUE(bin(f(0), i(-1), BinOp::POW).is_exception());
  EXPECT_EQ(error(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
}

TEST_F(ArithTest, TrueDivision) {
  EXPECT_EQ(bin(i(-7), i(2), BinOp::TRUEDIV).as_double(), -3.5);
  EXPECT_EQ(bin(i(1), i(3), BinOp::TRUEDIV).as_double(), 1.0 / 3.0);
  RootValue huge(vm, bin(i(10), i(400), BinOp::POW));
  EXPECT_TRUE(bin(huge, i(3), BinOp::TRUEDIV).is_exception());
  EXPECT_EQ(error(), "OverflowError: integer division result too large for a float");
  EXPECT_TRUE(bin(huge, f(1), BinOp::TRUEDIV).is_exception());
  EXPECT_EQ(error(), "OverflowError: int too large to convert to float");
}

// -- Powers and shifts --------------------------------------------------------------

TEST_F(ArithTest, Powers) {
  EXPECT_EQ(text(bin(i(2), i(100), BinOp::POW)), "1267650600228229401496703205376");
  EXPECT_EQ(text(bin(i(-2), i(101), BinOp::POW)), "-2535301200456458802993406410752");
  EXPECT_EQ(bin(i(2), i(-1), BinOp::POW).as_double(), 0.5);
  EXPECT_EQ(bin(i(0), i(0), BinOp::POW), Value::small_int(1));
  RootValue e(vm, big("1000000000000000000000000000001"));
  EXPECT_EQ(bin(i(-1), e, BinOp::POW), Value::small_int(-1));
  EXPECT_TRUE(bin(i(2), e, BinOp::POW).is_exception());
  EXPECT_EQ(error(), "MemoryError");
  EXPECT_TRUE(bin(f(2), i(10000), BinOp::POW).is_exception());
  EXPECT_EQ(error(), "OverflowError: (34, 'Numerical result out of range')");
  EXPECT_TRUE(bin(i(-8), f(1.0 / 3.0), BinOp::POW).is_exception());
  EXPECT_EQ(error(), "ValueError: negative number cannot be raised to a fractional power");
  EXPECT_EQ(bin(f(-2), f(3), BinOp::POW).as_double(), -8.0);
}

TEST_F(ArithTest, ThreeArgumentPow) {
  EXPECT_EQ(arith_pow3(vm, i(3), i(4), i(-5)), Value::small_int(-4));
  EXPECT_EQ(arith_pow3(vm, i(2), i(-1), i(5)), Value::small_int(3));
  EXPECT_TRUE(arith_pow3(vm, i(2), i(-1), i(4)).is_exception());
  EXPECT_EQ(error(), "ValueError: base is not invertible for the given modulus");
  EXPECT_TRUE(arith_pow3(vm, i(2), i(3), i(0)).is_exception());
  EXPECT_EQ(error(), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_TRUE(arith_pow3(vm, f(2), i(3), i(5)).is_exception());
  EXPECT_EQ(error(), "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
}

TEST_F(ArithTest, Shifts) {
  EXPECT_EQ(text(bin(i(1), i(64), BinOp::LSHIFT)), "18446744073709551616");
  EXPECT_EQ(bin(i(-5), i(1), BinOp::RSHIFT), Value::small_int(-3));
  EXPECT_EQ(bin(i(-5), i(100), BinOp::RSHIFT), Value::small_int(-1));
  EXPECT_TRUE(bin(i(1), i(-1), BinOp::LSHIFT).is_exception());
  EXPECT_EQ(error(), "ValueError: negative shift count");
  RootValue n(vm, big("1180591620717411303424"));  // 2**70
  EXPECT_TRUE(bin(i(1), n, BinOp::LSHIFT).is_exception());
  EXPECT_EQ(error(), "OverflowError: too many digits in integer");
  EXPECT_EQ(bin(i(0), n, BinOp::LSHIFT), Value::small_int(0));
  EXPECT_EQ(bin(i(-3), n, BinOp::RSHIFT), Value::small_int(-1));
}

TEST_F(ArithTest, BitwiseAndBools) {
  EXPECT_EQ(bin(Value::boolean(true), Value::boolean(false), BinOp::AND), Value::boolean(false));
  EXPECT_EQ(bin(Value::boolean(true), Value::boolean(true), BinOp::XOR), Value::boolean(false));
  EXPECT_EQ(bin(Value::boolean(true), i(2), BinOp::OR), Value::small_int(3));
  EXPECT_EQ(bin(Value::boolean(true), Value::boolean(true), BinOp::ADD), Value::small_int(2));
  EXPECT_EQ(bin(i(5), i(-3), BinOp::AND), Value::small_int(5));
  EXPECT_EQ(arith_invert(vm, Value::boolean(true)), Value::small_int(-2));
  EXPECT_EQ(arith_pos(vm, Value::boolean(true)), Value::small_int(1));
  EXPECT_EQ(text(bin(big("-18446744073709551616"), i(5), BinOp::XOR)), "-18446744073709551611");
}

TEST_F(ArithTest, NonNumbersAreNotImplemented) {
  Value s = Value::object(str_intern(vm, "a"));
  EXPECT_TRUE(is_ni(bin(i(1), s, BinOp::ADD)));
  EXPECT_TRUE(is_ni(bin(f(1.5), i(1), BinOp::AND)));
  EXPECT_TRUE(is_ni(bin(i(1), i(2), BinOp::MATMUL)));
  EXPECT_TRUE(is_ni(arith_compare(vm, s, i(1), CmpOp::LT)));
  EXPECT_TRUE(arith_neg(vm, s).is_exception());
  EXPECT_EQ(error(), "TypeError: bad operand type for unary -: 'str'");
  EXPECT_TRUE(arith_invert(vm, f(1)).is_exception());
  EXPECT_EQ(error(), "TypeError: bad operand type for unary ~: 'float'");
}

// -- Floats ---------------------------------------------------------------------------

TEST_F(ArithTest, FloatFloorAndModSigns) {
  EXPECT_EQ(bin(f(5), i(-3), BinOp::MOD).as_double(), -1.0);
  EXPECT_EQ(bin(f(-5), i(3), BinOp::FLOORDIV).as_double(), -2.0);
  double z = bin(f(0.0), i(-5), BinOp::MOD).as_double();
  EXPECT_TRUE(z == 0.0 && std::signbit(z));
  z = bin(f(-0.0), i(1), BinOp::FLOORDIV).as_double();
  EXPECT_TRUE(z == 0.0 && std::signbit(z));
  EXPECT_EQ(bin(i(-3), f(INFINITY), BinOp::MOD).as_double(), INFINITY);
}

TEST_F(ArithTest, Divmod) {
  Value t = arith_divmod(vm, i(7), i(-2));
  ASSERT_TRUE(t.is_obj());
  EXPECT_EQ(t.as<Tuple>()->items[0], Value::small_int(-4));
  EXPECT_EQ(t.as<Tuple>()->items[1], Value::small_int(-1));
  t = arith_divmod(vm, f(-7.5), i(-2));
  EXPECT_EQ(t.as<Tuple>()->items[0].as_double(), 3.0);
  EXPECT_EQ(t.as<Tuple>()->items[1].as_double(), -1.5);
}

// -- Comparison, hashing, truth -----------------------------------------------------

TEST_F(ArithTest, ExactMixedComparison) {
  RootValue b(vm, big("9007199254740993"));  // 2**53 + 1
  EXPECT_EQ(arith_compare(vm, b, f(9007199254740992.0), CmpOp::EQ), Value::boolean(false));
  EXPECT_EQ(arith_compare(vm, b, f(9007199254740992.0), CmpOp::GT), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, f(9007199254740992.0), b, CmpOp::LT), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, b, f(NAN), CmpOp::NE), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, b, f(NAN), CmpOp::LT), Value::boolean(false));
  EXPECT_EQ(arith_compare(vm, i(1), f(1.0), CmpOp::EQ), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, Value::boolean(true), i(1), CmpOp::EQ), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, i(-1), b, CmpOp::LT), Value::boolean(true));
  EXPECT_EQ(arith_compare(vm, b, f(INFINITY), CmpOp::LT), Value::boolean(true));
}

TEST_F(ArithTest, NumericHash) {
  int64_t h;
  ASSERT_TRUE(arith_hash(vm, f(1.5), &h));
  EXPECT_EQ(h, 1152921504606846977);
  ASSERT_TRUE(arith_hash(vm, f(-1.0), &h));
  EXPECT_EQ(h, -2);
  ASSERT_TRUE(arith_hash(vm, f(1e100), &h));
  EXPECT_EQ(h, 1822893315824342674);
  ASSERT_TRUE(arith_hash(vm, f(INFINITY), &h));
  EXPECT_EQ(h, 314159);
  ASSERT_TRUE(arith_hash(vm, Value::boolean(true), &h));
  EXPECT_EQ(h, 1);
  RootValue b(vm, big("2305843009213693952"));  // 2**61
  ASSERT_TRUE(arith_hash(vm, b, &h));
  EXPECT_EQ(h, 1);
  int64_t hf;
  ASSERT_TRUE(arith_hash(vm, f(2305843009213693952.0), &hf));
  EXPECT_EQ(h, hf);
}

TEST_F(ArithTest, Truth) {
  EXPECT_EQ(arith_truth(f(-0.0)), 0);
  EXPECT_EQ(arith_truth(f(NAN)), 1);
  EXPECT_EQ(arith_truth(i(0)), 0);
  EXPECT_EQ(arith_truth(Value::boolean(true)), 1);
  EXPECT_EQ(arith_truth(big("100000000000000000000")), 1);
}

// -- Rounding -------------------------------------------------------------------------

TEST_F(ArithTest, RoundHalfEven) {
  EXPECT_EQ(arith_round(vm, f(2.5), Value::null()), Value::small_int(2));
  EXPECT_EQ(arith_round(vm, f(-1.5), Value::none()), Value::small_int(-2));
  EXPECT_EQ(arith_round(vm, i(25), i(-1)), Value::small_int(20));
  EXPECT_EQ(arith_round(vm, i(35), i(-1)), Value::small_int(40));
  EXPECT_EQ(arith_round(vm, i(-25), i(-1)), Value::small_int(-20));
  EXPECT_EQ(arith_round(vm, Value::boolean(true), Value::null()), Value::small_int(1));
  EXPECT_EQ(arith_round(vm, f(2.675), i(2)).as_double(), 2.67);
  EXPECT_TRUE(arith_round(vm, f(NAN), Value::null()).is_exception());
  EXPECT_EQ(error(), "ValueError: cannot convert float NaN to integer");
  EXPECT_TRUE(arith_round(vm, f(1.5), f(1.0)).is_exception());
  EXPECT_EQ(error(), "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_TRUE(arith_round(vm, f(1.7976931348623157e308), i(-308)).is_exception());
  EXPECT_EQ(error(), "OverflowError: rounded value too large to represent");
}

// -- Helpers ----------------------------------------------------------------------------

TEST_F(ArithTest, IntHelpers) {
  EXPECT_TRUE(is_int(vm, i(3)));
  EXPECT_FALSE(is_int(vm, Value::boolean(true)));
  EXPECT_TRUE(is_int_like(vm, Value::boolean(true)));
  int64_t out;
  EXPECT_TRUE(int_to_int64(i(INT64_MIN), &out));
  EXPECT_EQ(out, INT64_MIN);
  EXPECT_FALSE(int_to_int64(big("9223372036854775808"), &out));
  EXPECT_EQ(int_to_string(i(-255), 16), "-ff");
  EXPECT_TRUE(arith_float_to_int(vm, INFINITY).is_exception());
  EXPECT_EQ(error(), "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(text(arith_float_to_int(vm, 1e20)), "100000000000000000000");
}

}  // namespace
}  // namespace contrail::runtime
