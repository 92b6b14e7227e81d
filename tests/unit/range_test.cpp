// tests/unit/range_test.cpp -- range over arbitrary-precision ints
// (runtime/obj_misc.cpp) and its iterators (runtime/obj_iter.cpp): which
// ranges keep the small int64 form the interpreter's FOR_ITER fast path reads,
// which become big, and that both forms agree. Every test runs with and
// without --gc-stress so a missing root shows up as a crash or a wrong answer.
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class RangeTest : public ::testing::TestWithParam<bool> {
 protected:
  RangeTest() : vm(VmOptions{GetParam(), 0}) {}

  Value I(int64_t i) { return int_from_int64(vm, i); }
  // An int from its decimal text.
  Value N(const char* digits) {
    BigNum n;
    EXPECT_EQ(big_parse(digits, 10, &n), BigParse::OK);
    return int_from_big(vm, n);
  }

  std::string r(Value v) {
    if (v.is_exception()) return "<exc " + err() + ">";
    RootValue keep(vm, v);
    Value s = repr(vm, v);
    if (s.is_exception()) return "<exc " + err() + ">";
    return std::string(s.as<Str>()->view());
  }

  // "Type: message" of the pending exception, which is cleared.
  std::string err() {
    Value e = vm.pending;
    if (e.is_null()) return "<no exception>";
    vm.pending = Value::null();
    RootValue re(vm, e);
    std::string out(type_of(vm, e)->name->view());
    Value s = exception_str(vm, e);
    if (!s.is_exception()) {
      out += ": ";
      out += s.as<Str>()->view();
    }
    return out;
  }

  // range(*args) through the type, with the arguments rooted on the VM stack.
  Value range(std::initializer_list<const char*> args) {
    Value* base = vm.sp;
    size_t n = 0;
    for (const char* a : args) {
      vm.sp = base + n;
      Value v = N(a);
      base[n++] = v;
    }
    vm.sp = base + n;
    Value res = call(vm, Value::object(vm.types.range), CallArgs{std::span<const Value>(base, n), {}, nullptr});
    vm.sp = base;
    return res;
  }

  // repr(list(iterable)) by hand: "[a, b, ...]", at most [limit] items.
  std::string items(Value iterable, int limit = 10) {
    RootValue it(vm, get_iter(vm, iterable));
    if (it.get().is_exception()) return "<exc " + err() + ">";
    std::string out = "[";
    for (int i = 0; i < limit; i++) {
      Value v = iter_next(vm, it);
      if (v.is_exception()) return "<exc " + err() + ">";
      if (v.is_null()) break;
      if (i > 0) out += ", ";
      out += r(v);
    }
    return out + "]";
  }

  std::string type_of_iter(Value v) {
    RootValue it(vm, get_iter(vm, v));
    return std::string(type_of(vm, it)->name->view());
  }

  Vm vm;
};

TEST_P(RangeTest, SmallFormKeepsInt64Fields) {
  RootValue rg(vm, range({"3", "30", "4"}));
  Range* x = rg.get().as<Range>();
  ASSERT_FALSE(range_is_big(x));
  EXPECT_EQ(x->start, 3);
  EXPECT_EQ(x->stop, 30);
  EXPECT_EQ(x->step, 4);
  EXPECT_EQ(x->length, 7);
  EXPECT_TRUE(x->big_start.is_none() && x->big_stop.is_none() && x->big_step.is_none() && x->big_length.is_none());
  EXPECT_EQ(type_of_iter(rg), "range_iterator");
  EXPECT_EQ(items(rg), "[3, 7, 11, 15, 19, 23, 27]");
}

TEST_P(RangeTest, BigFormHoldsValues) {
  RootValue rg(vm, range({"0", "100000000000000000000", "3"}));
  Range* x = rg.get().as<Range>();
  ASSERT_TRUE(range_is_big(x));
  EXPECT_EQ(r(x->big_stop), "100000000000000000000");
  EXPECT_EQ(r(rg.get().as<Range>()->big_length), "33333333333333333334");
  EXPECT_EQ(r(rg), "range(0, 100000000000000000000, 3)");
  EXPECT_EQ(type_of_iter(rg), "longrange_iterator");
  EXPECT_EQ(items(rg, 3), "[0, 3, 6]");
  int64_t n;
  EXPECT_FALSE(length(vm, rg, &n));
  EXPECT_EQ(err(), "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(truthy(vm, rg), 1);
}

// Small means every item is a small int; int64 bounds alone are not enough.
TEST_P(RangeTest, FormBoundary) {
  const int64_t kMax = Value::kSmallIntMax;
  RootValue a(vm, range_new(vm, 0, kMax + 1, 1));  // items up to kMax
  EXPECT_FALSE(range_is_big(a.get().as<Range>()));
  EXPECT_EQ(r(get_item(vm, a, I(-1))), std::to_string(kMax));
  RootValue b(vm, range_new(vm, 0, kMax + 2, 1));  // one item beyond
  EXPECT_TRUE(range_is_big(b.get().as<Range>()));
  EXPECT_EQ(r(get_item(vm, b, I(-1))), std::to_string(kMax + 1));
  RootValue e(vm, range_new(vm, INT64_MAX, INT64_MIN, 1));  // empty: no items at all
  EXPECT_FALSE(range_is_big(e.get().as<Range>()));
  EXPECT_EQ(r(e), "range(9223372036854775807, -9223372036854775808)");
  RootValue w(vm, range_new(vm, INT64_MIN, INT64_MAX, 1));  // 2^64 - 1 items
  EXPECT_TRUE(range_is_big(w.get().as<Range>()));
  EXPECT_EQ(range_length_saturated(w.get().as<Range>()), UINT64_MAX);
  EXPECT_EQ(r(w.get().as<Range>()->big_length), "18446744073709551615");
}

TEST_P(RangeTest, SingleItemWithExtremeStep) {
  RootValue rg(vm, range_new(vm, 0, -1, INT64_MIN));
  ASSERT_FALSE(range_is_big(rg.get().as<Range>()));
  EXPECT_EQ(items(rg), "[0]");
  RootValue rev(vm, range_reversed(vm, rg));
  EXPECT_EQ(items(rev), "[0]");
  EXPECT_EQ(type_of_iter(rev), "range_iterator");
}

TEST_P(RangeTest, ReversedKeepsForm) {
  RootValue small(vm, range_new(vm, 1, 10, 3));
  RootValue rs(vm, range_reversed(vm, small));
  EXPECT_EQ(items(rs), "[7, 4, 1]");
  EXPECT_FALSE(range_is_big(rs.get().as<Range>()));
  RootValue big(vm, range({"100000000000000000000", "100000000000000000006", "2"}));
  RootValue rb(vm, range_reversed(vm, big));
  EXPECT_EQ(items(rb), "[100000000000000000004, 100000000000000000002, 100000000000000000000]");
  RootValue empty(vm, range({"100000000000000000000", "0"}));
  EXPECT_EQ(items(range_reversed(vm, empty)), "[]");
}

TEST_P(RangeTest, ItemAtMatchesIndexing) {
  RootValue rg(vm, range({"-100000000000000000000", "100000000000000000000", "7"}));
  EXPECT_EQ(r(range_item_at(vm, rg.get().as<Range>(), 5)), "-99999999999999999965");
  EXPECT_EQ(r(get_item(vm, rg, I(5))), "-99999999999999999965");
  EXPECT_EQ(r(get_item(vm, rg, I(-1))), "99999999999999999996");
  RootValue key(vm, N("28571428571428571429"));
  EXPECT_TRUE(get_item(vm, rg, key).is_exception());
  EXPECT_EQ(err(), "IndexError: range object index out of range");
}

TEST_P(RangeTest, SliceOfSmallRangeCanBeBig) {
  RootValue rg(vm, range_new(vm, 0, 10, 3));
  RootValue step(vm, N("100000000000000000000"));
  RootValue s(vm, slice_new(vm, Value::none(), Value::none(), step));
  EXPECT_EQ(r(get_item(vm, rg, s)), "range(0, 12, 300000000000000000000)");
}

TEST_P(RangeTest, ContainsAcrossForms) {
  RootValue rg(vm, range({"3", "100000000000000000000", "7"}));
  RootValue in(vm, N("70000000000000000003"));
  RootValue out(vm, N("70000000000000000004"));
  EXPECT_EQ(contains(vm, rg, in), 1);
  EXPECT_EQ(contains(vm, rg, out), 0);
  EXPECT_EQ(contains(vm, rg, I(10)), 1);
  EXPECT_EQ(contains(vm, rg, Value::from_double(10.0)), 1);
  RootValue small(vm, range_new(vm, 0, 10, 1));
  EXPECT_EQ(contains(vm, small, in), 0);
}

TEST_P(RangeTest, EqualityAndHashAcrossForms) {
  RootValue a(vm, range({"100000000000000000000", "0"}));  // big but empty
  RootValue b(vm, range_new(vm, 0, 0, 1));
  EXPECT_EQ(equals(vm, a, b), 1);
  int64_t ha, hb;
  ASSERT_TRUE(hash_value(vm, a, &ha));
  ASSERT_TRUE(hash_value(vm, b, &hb));
  EXPECT_EQ(ha, hb);
  RootValue c(vm, range({"5", "6", "100000000000000000000"}));  // one item, huge step
  RootValue d(vm, range_new(vm, 5, 7, 9));
  EXPECT_EQ(equals(vm, c, d), 1);
  ASSERT_TRUE(hash_value(vm, c, &ha));
  ASSERT_TRUE(hash_value(vm, d, &hb));
  EXPECT_EQ(ha, hb);
}

INSTANTIATE_TEST_SUITE_P(GcModes, RangeTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& info) { return info.param ? "GcStress" : "Plain"; });

}  // namespace
}  // namespace contrail::runtime
