// tests/unit/random_test.cpp -- Tests runtime/mod_random.cpp: the Mersenne
// Twister behind _random.Random, called through the module on a fresh VM.
// Expected values come from CPython 3.11 (`_random.Random(seed)`), so they pin
// the seeding (init_by_array over |n|'s 32-bit words, hash() for floats),
// genrand_res53 and getrandbits' word order. Values are immediates or are
// rooted by call_fn's stack slots; the GC only collects past its threshold.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class RandomTest : public ::testing::Test {
 protected:
  RandomTest() : vm(VmOptions{}) {}

  // Calls [fn] with [args] placed on the VM stack (so they are rooted).
  Value call_fn(Value fn, std::initializer_list<Value> args) {
    Value* base = vm.sp;
    size_t n = 0;
    for (Value a : args) base[n++] = a;
    base[n] = fn;
    vm.sp = base + n + 1;
    Value r = call(vm, fn, CallArgs{std::span<const Value>(base, n), {}, nullptr});
    vm.sp = base;
    return r;
  }

  // _random.Random(seed), kept on the VM stack until the test ends.
  Value make(Value seed) {
    Value m = import_builtin_module(vm, "_random");
    EXPECT_TRUE(m.is_obj());
    Value cls = get_attr(vm, m, str_intern(vm, "Random"));
    Value r = call_fn(cls, {seed});
    EXPECT_FALSE(r.is_exception());
    *vm.sp++ = r;
    return r;
  }

  Value method(Value self, std::string_view name, std::initializer_list<Value> args) {
    Value bound = get_attr(vm, self, str_intern(vm, name));
    EXPECT_FALSE(bound.is_exception());
    *vm.sp++ = bound;
    Value r = call_fn(bound, args);
    --vm.sp;
    return r;
  }

  double next_random(Value self) {
    Value r = method(self, "random", {});
    EXPECT_TRUE(r.is_double());
    return r.as_double();
  }

  std::string pending_message() {
    Value exc = vm.pending;
    vm.pending = Value::null();
    std::string out(type_of(vm, exc)->name->view());
    Value s = exception_str(vm, exc);
    if (s.is_obj()) out += ": " + std::string(s.as<Str>()->view());
    return out;
  }

  Vm vm;
};

TEST_F(RandomTest, FirstOutputsAfterSeed42) {
  Value r = make(Value::small_int(42));
  EXPECT_EQ(next_random(r), 0x1.4762f307200c5p-1);  // 0.6394267984578837
  EXPECT_EQ(next_random(r), 0x1.99c6b5eeb2060p-6);
  EXPECT_EQ(next_random(r), 0x1.19a1491f589dcp-2);
  EXPECT_EQ(next_random(r), 0.22321073814882275);
  EXPECT_EQ(next_random(r), 0.7364712141640124);
}

TEST_F(RandomTest, SeedZero) {
  Value r = make(Value::small_int(0));
  EXPECT_EQ(next_random(r), 0x1.b0580f98a7dbep-1);
  EXPECT_EQ(next_random(r), 0x1.84129978f9c1ap-1);
  EXPECT_EQ(next_random(r), 0x1.aeaa51052e978p-2);
}

TEST_F(RandomTest, BigSeedUsesAllWords) {
  BigNum two_100 = big_lshift(big_from_int64(1).view(), 100);
  RootValue seed(vm, int_from_big(vm, two_100));
  Value r = make(seed);
  EXPECT_EQ(next_random(r), 0x1.846ed805268b6p-1);
  EXPECT_EQ(next_random(r), 0x1.ce11e215004a4p-3);
  EXPECT_EQ(next_random(r), 0x1.f5cb802159ee2p-1);
}

TEST_F(RandomTest, NegativeSeedUsesAbsoluteValue) {
  Value r = make(Value::small_int(-7));
  EXPECT_EQ(next_random(r), 0x1.4b9ad0f953a6ep-2);
}

TEST_F(RandomTest, FloatSeedUsesHash) {
  Value r = make(Value::from_double(3.5));
  EXPECT_EQ(next_random(r), 0.3039190124834461);
}

TEST_F(RandomTest, GetRandBits) {
  Value r = make(Value::small_int(42));
  Value big = method(r, "getrandbits", {Value::small_int(70)});
  ASSERT_TRUE(is_int(vm, big));
  EXPECT_EQ(int_to_string(big), "20500439928067422621");
  EXPECT_EQ(int_to_string(method(r, "getrandbits", {Value::small_int(32)})), "3184935163");
  EXPECT_EQ(int_to_string(method(r, "getrandbits", {Value::small_int(1)})), "0");
  EXPECT_EQ(int_to_string(method(r, "getrandbits", {Value::small_int(64)})), "4117511471858006928");
  EXPECT_EQ(int_to_string(method(r, "getrandbits", {Value::small_int(0)})), "0");
}

TEST_F(RandomTest, GetRandBitsErrors) {
  Value r = make(Value::small_int(1));
  EXPECT_TRUE(method(r, "getrandbits", {Value::small_int(-1)}).is_exception());
  EXPECT_EQ(pending_message(), "ValueError: number of bits must be non-negative");
  EXPECT_TRUE(method(r, "getrandbits", {Value::from_double(1.5)}).is_exception());
  EXPECT_EQ(pending_message(), "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_TRUE(method(r, "random", {Value::small_int(1)}).is_exception());
  EXPECT_EQ(pending_message(), "TypeError: Random.random() takes no arguments (1 given)");
}

TEST_F(RandomTest, StateRoundTrip) {
  Value r = make(Value::small_int(12345));
  RootValue state(vm, method(r, "getstate", {}));
  ASSERT_TRUE(state.get().is_obj());
  Tuple* t = state.get().as<Tuple>();
  ASSERT_EQ(t->size, 625u);
  EXPECT_EQ(int_to_string(t->items[0]), "2147483648");
  EXPECT_EQ(int_to_string(t->items[623]), "238504783");
  EXPECT_EQ(int_to_string(t->items[624]), "624");
  double first = next_random(r);
  EXPECT_EQ(int_to_string(method(r, "getstate", {}).as<Tuple>()->items[624]), "2");
  EXPECT_TRUE(method(r, "setstate", {state}).is_none());
  EXPECT_EQ(next_random(r), first);
}

TEST_F(RandomTest, ReseedRestartsSequence) {
  Value r = make(Value::small_int(42));
  next_random(r);
  EXPECT_TRUE(method(r, "seed", {Value::small_int(42)}).is_none());
  EXPECT_EQ(next_random(r), 0.6394267984578837);
}

}  // namespace
}  // namespace contrail::runtime
