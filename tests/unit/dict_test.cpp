// tests/unit/dict_test.cpp -- dict and its views/iterators through the runtime
// API (runtime/obj_dict.cpp, obj_iter.cpp). Every test runs with and without
// --gc-stress so a missing root shows up as a crash or a wrong answer.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class DictTest : public ::testing::TestWithParam<bool> {
 protected:
  DictTest() : vm(VmOptions{GetParam(), 0}) {}

  Value I(int64_t i) { return Value::small_int(i); }
  Value S(const char* s) { return str_new(vm, s); }

  // A list of small ints.
  Value ints(std::initializer_list<int64_t> xs) {
    RootValue l(vm, list_new(vm));
    for (int64_t x : xs) EXPECT_TRUE(list_append(vm, l.get().as<List>(), I(x)));
    return l;
  }

  std::string r(Value v) {
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

  // Calls a type (constructor) with positional args.
  Value ctor(Klass* k, std::initializer_list<Value> args) {
    Value* base = vm.sp;
    size_t n = 0;
    for (Value a : args) base[n++] = a;
    vm.sp = base + n;
    Value res = call(vm, Value::object(k), CallArgs{std::span<const Value>(base, n), {}, nullptr});
    vm.sp = base;
    return res;
  }

  Value slice(Value a, Value b, Value c) { return slice_new(vm, a, b, c); }

  Vm vm;
};


TEST_P(DictTest, SetGetOverwriteAndOrder) {
  RootValue d(vm, dict_new(vm));
  Dict* dp = d.get().as<Dict>();
  RootValue a(vm, S("a")), b(vm, S("b"));
  ASSERT_TRUE(dict_set(vm, dp, a, I(1)));
  ASSERT_TRUE(dict_set(vm, dp, b, I(2)));
  ASSERT_TRUE(dict_set(vm, dp, a, I(3)));
  EXPECT_EQ(r(d), "{'a': 3, 'b': 2}");
  EXPECT_EQ(r(dict_get(vm, dp, b)), "2");
  EXPECT_EQ(r(dict_get_str(dp, str_intern(vm, "a"))), "3");
  EXPECT_TRUE(dict_get(vm, dp, I(7)).is_null());
  EXPECT_TRUE(get_item(vm, d, I(7)).is_exception());
  EXPECT_EQ(err(), "KeyError: 7");
}

TEST_P(DictTest, NumericKeysAreOneKey) {
  RootValue d(vm, dict_new(vm));
  Dict* dp = d.get().as<Dict>();
  ASSERT_TRUE(dict_set(vm, dp, I(1), I(10)));
  ASSERT_TRUE(dict_set(vm, dp, Value::from_double(1.0), I(20)));
  ASSERT_TRUE(dict_set(vm, dp, Value::boolean(true), I(30)));
  EXPECT_EQ(dp->used, 1u);
  EXPECT_EQ(r(d), "{1: 30}");
  ASSERT_TRUE(dict_set(vm, dp, I(-1), I(0)));
  ASSERT_TRUE(dict_set(vm, dp, I(-2), I(0)));  // hash(-1) == hash(-2)
  EXPECT_EQ(dp->used, 3u);
}

TEST_P(DictTest, GrowDeleteReinsert) {
  RootValue d(vm, dict_new(vm));
  for (int i = 0; i < 5000; i++) ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(i), I(i * 2)));
  for (int i = 0; i < 5000; i += 2) {
    Value v = dict_pop(vm, d.get().as<Dict>(), I(i));
    ASSERT_EQ(v.as_small_int(), i * 2);
  }
  EXPECT_EQ(d.get().as<Dict>()->used, 2500u);
  for (int i = 0; i < 5000; i++) {
    Value v = dict_get(vm, d.get().as<Dict>(), I(i));
    if (i % 2) {
      ASSERT_EQ(v.as_small_int(), i * 2);
    } else {
      ASSERT_TRUE(v.is_null());
    }
  }
  // Re-inserting after many deletions compacts and keeps insertion order.
  for (int i = 0; i < 5000; i += 2) ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(i), I(0)));
  uint64_t pos = 0;
  DictEntry* e;
  ASSERT_TRUE(dict_next(d.get().as<Dict>(), &pos, &e));
  EXPECT_EQ(e->key.as_small_int(), 1);
  int64_t n;
  ASSERT_TRUE(length(vm, d, &n));
  EXPECT_EQ(n, 5000);
  uint64_t before = d.get().as<Dict>()->version;
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(1), I(5)));
  EXPECT_GT(d.get().as<Dict>()->version, before);
}

TEST_P(DictTest, Methods) {
  RootValue d(vm, dict_new(vm));
  RootValue a(vm, S("a"));
  EXPECT_EQ(r(callm(d, "setdefault", {a, I(1)})), "1");
  EXPECT_EQ(r(callm(d, "setdefault", {a, I(2)})), "1");
  EXPECT_EQ(r(callm(d, "get", {a})), "1");
  EXPECT_EQ(r(callm(d, "get", {I(5)})), "None");
  EXPECT_EQ(r(callm(d, "get", {I(5), I(6)})), "6");
  EXPECT_EQ(r(callm(d, "pop", {I(5), I(0)})), "0");
  EXPECT_TRUE(callm(d, "pop", {I(5)}).is_exception());
  EXPECT_EQ(err(), "KeyError: 5");
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(2), I(3)));
  EXPECT_EQ(r(callm(d, "popitem")), "(2, 3)");
  EXPECT_EQ(r(callm(d, "popitem")), "('a', 1)");
  EXPECT_TRUE(callm(d, "popitem").is_exception());
  EXPECT_EQ(err(), "KeyError: 'popitem(): dictionary is empty'");
  EXPECT_TRUE(callm(d, "get").is_exception());
  EXPECT_EQ(err(), "TypeError: get expected at least 1 argument, got 0");
}

TEST_P(DictTest, UpdateFromDictsAndPairs) {
  RootValue d(vm, dict_new(vm));
  RootValue pairs(vm, list_new(vm));
  for (int i = 0; i < 3; i++) {
    RootValue t(vm, tuple_new(vm, 2));
    t.get().as<Tuple>()->items[0] = I(i);
    t.get().as<Tuple>()->items[1] = I(i * i);
    ASSERT_TRUE(list_append(vm, pairs.get().as<List>(), t));
  }
  ASSERT_FALSE(callm(d, "update", {pairs}).is_exception());
  EXPECT_EQ(r(d), "{0: 0, 1: 1, 2: 4}");
  RootValue other(vm, callm(d, "copy"));
  ASSERT_TRUE(dict_set(vm, other.get().as<Dict>(), I(9), I(9)));
  ASSERT_FALSE(callm(d, "update", {other}).is_exception());
  EXPECT_EQ(r(d), "{0: 0, 1: 1, 2: 4, 9: 9}");
  EXPECT_EQ(r(compare(vm, d, other, CmpOp::EQ)), "True");
  RootValue bad(vm, list_new(vm));
  ASSERT_TRUE(list_append(vm, bad.get().as<List>(), I(1)));
  EXPECT_TRUE(callm(d, "update", {bad}).is_exception());
  EXPECT_EQ(err(), "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  RootValue three(vm, list_new(vm));
  RootValue t3(vm, tuple_new(vm, 3));
  ASSERT_TRUE(list_append(vm, three.get().as<List>(), t3));
  EXPECT_TRUE(ctor(vm.types.dict, {three}).is_exception());
  EXPECT_EQ(err(), "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  EXPECT_EQ(r(binary_op(vm, d, other, BinOp::OR)), "{0: 0, 1: 1, 2: 4, 9: 9}");
}

TEST_P(DictTest, ViewsAndIterators) {
  RootValue d(vm, dict_new(vm));
  RootValue a(vm, S("a"));
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), a, I(1)));
  EXPECT_EQ(r(callm(d, "keys")), "dict_keys(['a'])");
  EXPECT_EQ(r(callm(d, "values")), "dict_values([1])");
  EXPECT_EQ(r(callm(d, "items")), "dict_items([('a', 1)])");
  RootValue items(vm, callm(d, "items"));
  EXPECT_EQ(r(ctor(vm.types.list, {items})), "[('a', 1)]");
  RootValue it(vm, get_iter(vm, d));
  EXPECT_EQ(r(iter_next(vm, it)), "'a'");
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), I(2), I(2)));
  EXPECT_TRUE(iter_next(vm, it).is_exception());
  EXPECT_EQ(err(), "RuntimeError: dictionary changed size during iteration");
  RootValue keys(vm, callm(d, "keys"));
  EXPECT_EQ(contains(vm, keys, I(2)), 1);
  int64_t n;
  ASSERT_TRUE(length(vm, keys, &n));
  EXPECT_EQ(n, 2);
  RootValue rev(vm, ctor(vm.types.reversed, {d}));
  EXPECT_EQ(r(ctor(vm.types.list, {rev})), "[2, 'a']");
}

TEST_P(DictTest, RecursiveReprAndUnhashableKey) {
  RootValue d(vm, dict_new(vm));
  RootValue k(vm, S("self"));
  ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), k, d));
  EXPECT_EQ(r(d), "{'self': {...}}");
  RootValue l(vm, list_new(vm));
  EXPECT_FALSE(dict_set(vm, d.get().as<Dict>(), l, I(1)));
  EXPECT_EQ(err(), "TypeError: unhashable type: 'list'");
}

TEST_P(DictTest, FromkeysAndConstructor) {
  RootValue l(vm, list_new(vm));
  ASSERT_TRUE(list_append(vm, l.get().as<List>(), I(1)));
  ASSERT_TRUE(list_append(vm, l.get().as<List>(), I(2)));
  Value fk = dict_get_str(vm.types.dict->dict, str_intern(vm, "fromkeys"));
  RootValue rfk(vm, fk);
  Value* base = vm.sp;
  base[0] = l;
  vm.sp = base + 1;
  Value res = call(vm, fk, CallArgs{std::span<const Value>(base, 1), {}, nullptr});
  vm.sp = base;
  EXPECT_EQ(r(res), "{1: None, 2: None}");
  EXPECT_EQ(r(ctor(vm.types.dict, {})), "{}");
}

INSTANTIATE_TEST_SUITE_P(GcModes, DictTest, ::testing::Values(false, true));

}  // namespace
}  // namespace contrail::runtime
