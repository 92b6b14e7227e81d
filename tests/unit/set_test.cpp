// tests/unit/set_test.cpp -- set and frozenset through the runtime API
// (runtime/obj_set.cpp). Expected orders and hashes were produced by CPython
// 3.11; every test runs with and without --gc-stress so a missing root shows
// up as a crash or a wrong answer.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_set.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class SetTest : public ::testing::TestWithParam<bool> {
 protected:
  SetTest() : vm(VmOptions{GetParam(), 0}) {}

  Value I(int64_t i) { return Value::small_int(i); }
  Value D(double d) { return Value::from_double(d); }

  // A set (or, with [frozen], a frozenset) of the given items, added in order.
  Value make(std::initializer_list<Value> xs, bool frozen = false) {
    RootValue l(vm, list_new(vm));
    for (Value x : xs) EXPECT_TRUE(list_append(vm, l.get().as<List>(), x));
    if (frozen) return frozenset_new(vm, l);
    RootValue s(vm, set_new(vm));
    EXPECT_TRUE(set_update(vm, s, l));
    return s;
  }

  std::string r(Value v) {
    RootValue keep(vm, v);
    if (v.is_exception()) return "<exc " + err() + ">";
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

  // Calls obj.name(*args) with everything rooted on the VM stack.
  Value callm(Value obj, const char* name, std::initializer_list<Value> args = {}) {
    Value* base = vm.sp;
    base[0] = obj;
    size_t n = 1;
    for (Value a : args) base[n++] = a;
    base[n] = Value::null();
    vm.sp = base + n + 1;
    Value m = get_attr(vm, obj, str_intern(vm, name));
    Value res = m;
    if (!m.is_exception()) {
      base[n] = m;
      res = call(vm, m, CallArgs{std::span<const Value>(base + 1, n - 1), {}, nullptr});
    }
    vm.sp = base;
    return res;
  }

  Set* S(Value v) { return v.as<Set>(); }

  Vm vm;
};

TEST_P(SetTest, AddGivesCpythonOrder) {
  RootValue s(vm, set_new(vm));
  RootValue big(vm, int_from_int64(vm, int64_t{1} << 40));
  for (Value x : {I(19), I(43), D(49.0), I(13178), Value::boolean(true), I(-2), I(-1), big.get()}) {
    ASSERT_TRUE(set_add(vm, s, x));
  }
  EXPECT_EQ(r(s), "{1099511627776, True, 43, 49.0, 19, -1, 13178, -2}");
}

TEST_P(SetTest, EqualNumbersAreOneElement) {
  RootValue s(vm, set_new(vm));
  ASSERT_TRUE(set_add(vm, s, I(1)));
  ASSERT_TRUE(set_add(vm, s, D(1.0)));
  ASSERT_TRUE(set_add(vm, s, Value::boolean(true)));
  EXPECT_EQ(S(s)->used, 1);
  EXPECT_EQ(r(s), "{1}");
  EXPECT_EQ(set_contains(vm, s, D(1.0)), 1);
  EXPECT_EQ(set_contains(vm, s, I(2)), 0);
}

TEST_P(SetTest, InsertionReusesTheLastDummyOnThePath) {
  RootValue s(vm, set_new(vm));
  for (int i = 0; i < 60; i++) ASSERT_TRUE(set_add(vm, s, I(i)));
  EXPECT_EQ(set_discard(vm, s, I(1)), 1);
  EXPECT_EQ(set_discard(vm, s, I(30)), 1);
  EXPECT_EQ(set_discard(vm, s, I(30)), 0);
  ASSERT_TRUE(set_add(vm, s, I(128)));
  uint64_t pos = 0;
  Value key;
  int index = 0;
  while (set_next(S(s), &pos, &key) && key != I(128)) index++;
  EXPECT_EQ(index, 29);  // CPython: list(s).index(128)
}

TEST_P(SetTest, GrowAndDeleteKeepCpythonOrder) {
  RootValue s(vm, set_new(vm));
  for (int i = 0; i < 100; i++) ASSERT_TRUE(set_add(vm, s, I(i)));
  for (int i = 0; i < 100; i += 3) ASSERT_EQ(set_discard(vm, s, I(i)), 1);
  for (int i = 0; i < 5; i++) ASSERT_TRUE(set_add(vm, s, I(i * 1000)));
  uint64_t pos = 0;
  Value key;
  std::string first;
  for (int i = 0; i < 12 && set_next(S(s), &pos, &key); i++) first += r(key) + " ";
  EXPECT_EQ(first, "1 2 4 5 7 8 10 11 13 14 16 17 ");
}

TEST_P(SetTest, LargeSetOrder) {
  RootValue s(vm, set_new(vm));
  for (int i = 0; i < 20000; i++) ASSERT_TRUE(set_add(vm, s, I(i)));
  for (int i = 0; i < 20000; i += 2) ASSERT_EQ(set_discard(vm, s, I(i)), 1);
  EXPECT_EQ(S(s)->used, 10000);
  uint64_t pos = 0;
  Value key;
  int64_t sum = 0;
  for (int64_t i = 0; set_next(S(s), &pos, &key); i++) {
    if (i % 7 == 0) sum += key.as_small_int() * i;
  }
  EXPECT_EQ(sum, 95230940714);
}

TEST_P(SetTest, UpdateFromDictListAndSets) {
  RootValue s(vm, make({I(5), I(6)}));
  RootValue d(vm, dict_new(vm));
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(100), I(1)));
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(7), I(2)));
  RootValue f(vm, make({I(64), I(8)}, true));
  RootValue l(vm, make({I(3), I(3)}));
  EXPECT_EQ(r(callm(s, "update", {d, l, f})), "None");
  EXPECT_EQ(r(s), "{64, 3, 100, 5, 6, 7, 8}");
}

TEST_P(SetTest, UnhashableElements) {
  RootValue s(vm, set_new(vm));
  RootValue l(vm, list_new(vm));
  EXPECT_FALSE(set_add(vm, s, l));
  EXPECT_EQ(err(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(set_contains(vm, s, l), -1);
  EXPECT_EQ(err(), "TypeError: unhashable type: 'list'");
  int64_t h;
  EXPECT_FALSE(hash_value(vm, s, &h));
  EXPECT_EQ(err(), "TypeError: unhashable type: 'set'");
}

TEST_P(SetTest, SetKeyIsLookedUpAsFrozenset) {
  RootValue inner(vm, make({I(1)}, true));
  RootValue outer(vm, make({inner.get()}));
  RootValue probe(vm, make({I(1)}));
  EXPECT_EQ(set_contains(vm, outer, probe), 1);
  EXPECT_EQ(r(callm(outer, "remove", {probe})), "None");
  EXPECT_EQ(S(outer)->used, 0);
}

TEST_P(SetTest, PopAndRemoveErrors) {
  RootValue s(vm, make({I(0), I(1), I(2), I(3), I(4), I(5), I(6), I(7)}));
  EXPECT_EQ(r(callm(s, "pop")), "0");
  EXPECT_EQ(r(callm(s, "pop")), "1");
  EXPECT_EQ(r(s), "{2, 3, 4, 5, 6, 7}");
  EXPECT_EQ(r(callm(s, "remove", {I(30)})), "<exc KeyError: 30>");
  RootValue e(vm, set_new(vm));
  EXPECT_EQ(r(callm(e, "pop")), "<exc KeyError: 'pop from an empty set'>");
  EXPECT_EQ(r(callm(e, "add")), "<exc TypeError: set.add() takes exactly one argument (0 given)>");
}

TEST_P(SetTest, Operators) {
  RootValue a(vm, make({I(1), I(2), I(3)}));
  RootValue b(vm, make({I(3), I(4), I(40)}));
  EXPECT_EQ(r(binary_op(vm, a, b, BinOp::XOR)), "{1, 2, 4, 40}");
  EXPECT_EQ(r(binary_op(vm, a, b, BinOp::SUB)), "{1, 2}");
  EXPECT_EQ(r(binary_op(vm, a, b, BinOp::AND)), "{3}");
  EXPECT_EQ(r(binary_op(vm, a, b, BinOp::OR)), "{1, 2, 3, 4, 40}");
  Value same = binary_op(vm, a, b, BinOp::IOR);
  EXPECT_EQ(same, a.get());
  EXPECT_EQ(r(a), "{1, 2, 3, 4, 40}");
  RootValue l(vm, list_new(vm));
  EXPECT_EQ(r(binary_op(vm, a, l, BinOp::OR)), "<exc TypeError: unsupported operand type(s) for |: 'set' and 'list'>");
}

TEST_P(SetTest, FrozensetInPlaceMakesANewObject) {
  RootValue f(vm, make({I(1)}, true));
  RootValue s(vm, make({I(2)}));
  RootValue g(vm, binary_op(vm, f, s, BinOp::IOR));
  EXPECT_NE(g.get(), f.get());
  EXPECT_EQ(r(g), "frozenset({1, 2})");
  EXPECT_EQ(r(f), "frozenset({1})");
  // set | frozenset keeps the left operand's type.
  EXPECT_EQ(r(binary_op(vm, s, f, BinOp::OR)), "{1, 2}");
}

TEST_P(SetTest, ComparisonsAreSubsetTests) {
  RootValue a(vm, make({I(1), I(2)}));
  RootValue b(vm, make({I(1), I(2), I(3)}));
  RootValue fa(vm, make({I(2), I(1)}, true));
  EXPECT_EQ(r(compare(vm, a, b, CmpOp::LT)), "True");
  EXPECT_EQ(r(compare(vm, b, a, CmpOp::LT)), "False");
  EXPECT_EQ(r(compare(vm, a, a, CmpOp::LE)), "True");
  EXPECT_EQ(r(compare(vm, b, a, CmpOp::GT)), "True");
  EXPECT_EQ(r(compare(vm, a, fa, CmpOp::EQ)), "True");
  EXPECT_EQ(r(compare(vm, fa, b, CmpOp::NE)), "True");
  EXPECT_EQ(r(compare(vm, a, I(1), CmpOp::LT)), "<exc TypeError: '<' not supported between instances of 'set' and 'int'>");
  EXPECT_EQ(r(compare(vm, a, I(1), CmpOp::EQ)), "False");
}

TEST_P(SetTest, FrozensetHashMatchesCpython) {
  int64_t h;
  RootValue e(vm, make({}, true));
  ASSERT_TRUE(hash_value(vm, e, &h));
  EXPECT_EQ(h, 133146708735736);
  RootValue f(vm, make({I(1), I(2), I(3)}, true));
  ASSERT_TRUE(hash_value(vm, f, &h));
  EXPECT_EQ(h, -272375401224217160);
  RootValue t(vm, tuple_new(vm, 2));
  t.get().as<Tuple>()->items[0] = I(1);
  t.get().as<Tuple>()->items[1] = I(2);
  RootValue g(vm, make({t.get(), D(3.5), I(-7)}, true));
  ASSERT_TRUE(hash_value(vm, g, &h));
  EXPECT_EQ(h, -2500134508940522716);
  RootValue one(vm, make({I(1)}, true));
  RootValue nested(vm, make({one.get(), I(2)}, true));
  ASSERT_TRUE(hash_value(vm, nested, &h));
  EXPECT_EQ(h, -1248503628839622056);
}

TEST_P(SetTest, IterationDetectsSizeChange) {
  RootValue s(vm, make({I(1), I(2)}));
  RootValue it(vm, get_iter(vm, s));
  EXPECT_EQ(r(iter_next(vm, it)), "1");
  ASSERT_TRUE(set_add(vm, s, I(3)));
  EXPECT_TRUE(iter_next(vm, it).is_exception());
  EXPECT_EQ(err(), "RuntimeError: Set changed size during iteration");
  EXPECT_TRUE(iter_next(vm, it).is_exception());  // sticky
  EXPECT_EQ(err(), "RuntimeError: Set changed size during iteration");
}

TEST_P(SetTest, ReprOfEmptyAndFrozen) {
  RootValue s(vm, set_new(vm));
  EXPECT_EQ(r(s), "set()");
  EXPECT_EQ(r(make({}, true)), "frozenset()");
  EXPECT_EQ(r(make({I(1)}, true)), "frozenset({1})");
}

INSTANTIATE_TEST_SUITE_P(GcModes, SetTest, ::testing::Values(false, true));

}  // namespace
}  // namespace contrail::runtime
