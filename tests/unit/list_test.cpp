// tests/unit/list_test.cpp -- list, tuple, range, slice and iterator behaviour
// through the runtime API (runtime/obj_list.cpp, list_sort.cpp, obj_tuple.cpp,
// obj_misc.cpp, obj_iter.cpp). Every test runs with and without --gc-stress so
// a missing root shows up as a crash or a wrong answer.
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

class ListTest : public ::testing::TestWithParam<bool> {
 protected:
  ListTest() : vm(VmOptions{GetParam(), 0}) {}

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

TEST_P(ListTest, AppendGrowsAndReprs) {
  RootValue l(vm, list_new(vm));
  for (int i = 0; i < 1000; i++) ASSERT_TRUE(list_append(vm, l.get().as<List>(), I(i)));
  EXPECT_EQ(l.get().as<List>()->size, 1000u);
  EXPECT_EQ(r(get_item(vm, l, I(-1))), "999");
  EXPECT_EQ(r(ints({})), "[]");
  EXPECT_EQ(r(ints({1, 2, 3})), "[1, 2, 3]");
}

TEST_P(ListTest, RecursiveReprUsesEllipsis) {
  RootValue l(vm, ints({1}));
  ASSERT_TRUE(list_append(vm, l.get().as<List>(), l));
  EXPECT_EQ(r(l), "[1, [...]]");
  EXPECT_TRUE(vm.repr_active.empty());
}

TEST_P(ListTest, IndexErrors) {
  RootValue l(vm, ints({1, 2}));
  EXPECT_EQ(r(get_item(vm, l, I(-2))), "1");
  EXPECT_TRUE(get_item(vm, l, I(2)).is_exception());
  EXPECT_EQ(err(), "IndexError: list index out of range");
  RootValue s(vm, S("a"));
  EXPECT_TRUE(get_item(vm, l, s).is_exception());
  EXPECT_EQ(err(), "TypeError: list indices must be integers or slices, not str");
  EXPECT_FALSE(set_item(vm, l, I(5), I(0)));
  EXPECT_EQ(err(), "IndexError: list assignment index out of range");
  EXPECT_FALSE(del_item(vm, l, I(-3)));
  EXPECT_EQ(err(), "IndexError: list assignment index out of range");
}

TEST_P(ListTest, SliceGetSetDelete) {
  RootValue l(vm, ints({0, 1, 2, 3, 4, 5}));
  RootValue s(vm, slice(I(1), I(4), Value::none()));
  EXPECT_EQ(r(get_item(vm, l, s)), "[1, 2, 3]");
  s.set(slice(Value::none(), Value::none(), I(-2)));
  EXPECT_EQ(r(get_item(vm, l, s)), "[5, 3, 1]");
  s.set(slice(I(1), I(3), Value::none()));
  RootValue v(vm, ints({9, 9, 9, 9}));
  ASSERT_TRUE(set_item(vm, l, s, v));
  EXPECT_EQ(r(l), "[0, 9, 9, 9, 9, 3, 4, 5]");
  s.set(slice(Value::none(), Value::none(), I(2)));
  ASSERT_TRUE(del_item(vm, l, s));
  EXPECT_EQ(r(l), "[9, 9, 3, 5]");
  v.set(ints({1, 2, 3}));
  s.set(slice(Value::none(), Value::none(), I(2)));
  EXPECT_FALSE(set_item(vm, l, s, v));
  EXPECT_EQ(err(), "ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
  s.set(slice(Value::none(), Value::none(), I(-1)));
  ASSERT_TRUE(set_item(vm, l, s, l));  // l[::-1] = l
  EXPECT_EQ(r(l), "[5, 3, 9, 9]");
  s.set(slice(I(1), I(1), Value::none()));
  ASSERT_TRUE(set_item(vm, l, s, l));  // l[1:1] = l
  EXPECT_EQ(r(l), "[5, 5, 3, 9, 9, 3, 9, 9]");
  s.set(slice(Value::none(), Value::none(), I(0)));
  EXPECT_TRUE(get_item(vm, l, s).is_exception());
  EXPECT_EQ(err(), "ValueError: slice step cannot be zero");
  s.set(slice(I(0), I(1), Value::none()));
  EXPECT_FALSE(set_item(vm, l, s, I(5)));
  EXPECT_EQ(err(), "TypeError: can only assign an iterable");
}

TEST_P(ListTest, Methods) {
  RootValue l(vm, ints({3, 1, 2}));
  ASSERT_FALSE(callm(l, "insert", {I(-1), I(7)}).is_exception());
  EXPECT_EQ(r(l), "[3, 1, 7, 2]");
  EXPECT_EQ(r(callm(l, "pop")), "2");
  EXPECT_EQ(r(callm(l, "pop", {I(0)})), "3");
  EXPECT_EQ(r(callm(l, "index", {I(7)})), "1");
  EXPECT_TRUE(callm(l, "index", {I(8)}).is_exception());
  EXPECT_EQ(err(), "ValueError: 8 is not in list");
  EXPECT_TRUE(callm(l, "remove", {I(8)}).is_exception());
  EXPECT_EQ(err(), "ValueError: list.remove(x): x not in list");
  EXPECT_TRUE(callm(l, "pop", {I(9)}).is_exception());
  EXPECT_EQ(err(), "IndexError: pop index out of range");
  EXPECT_TRUE(callm(l, "append").is_exception());
  EXPECT_EQ(err(), "TypeError: list.append() takes exactly one argument (0 given)");
  EXPECT_TRUE(callm(l, "insert", {I(1)}).is_exception());
  EXPECT_EQ(err(), "TypeError: insert expected 2 arguments, got 1");
  ASSERT_FALSE(callm(l, "extend", {l}).is_exception());
  EXPECT_EQ(r(l), "[1, 7, 1, 7]");
  EXPECT_EQ(r(callm(l, "count", {I(7)})), "2");
  ASSERT_FALSE(callm(l, "reverse").is_exception());
  EXPECT_EQ(r(l), "[7, 1, 7, 1]");
  RootValue c(vm, callm(l, "copy"));
  ASSERT_FALSE(callm(l, "clear").is_exception());
  EXPECT_EQ(r(l), "[]");
  EXPECT_EQ(r(c), "[7, 1, 7, 1]");
  EXPECT_TRUE(callm(l, "pop").is_exception());
  EXPECT_EQ(err(), "IndexError: pop from empty list");
}

TEST_P(ListTest, Operators) {
  RootValue a(vm, ints({1, 2}));
  RootValue b(vm, ints({3}));
  EXPECT_EQ(r(binary_op(vm, a, b, BinOp::ADD)), "[1, 2, 3]");
  EXPECT_EQ(r(binary_op(vm, a, I(3), BinOp::MUL)), "[1, 2, 1, 2, 1, 2]");
  EXPECT_EQ(r(binary_op(vm, I(2), b, BinOp::MUL)), "[3, 3]");
  EXPECT_EQ(r(binary_op(vm, a, I(-1), BinOp::MUL)), "[]");
  EXPECT_TRUE(binary_op(vm, a, Value::from_double(1.5), BinOp::MUL).is_exception());
  EXPECT_EQ(err(), "TypeError: can't multiply sequence by non-int of type 'float'");
  RootValue t(vm, tuple_new(vm, 1));
  EXPECT_TRUE(binary_op(vm, a, t, BinOp::ADD).is_exception());
  EXPECT_EQ(err(), "TypeError: can only concatenate list (not \"tuple\") to list");
  Value same = binary_op(vm, a, t, BinOp::IADD);  // l += (None,)
  EXPECT_EQ(same, a.get());
  EXPECT_EQ(r(a), "[1, 2, None]");
  EXPECT_EQ(binary_op(vm, b, I(2), BinOp::IMUL), b.get());
  EXPECT_EQ(r(b), "[3, 3]");
  EXPECT_EQ(r(compare(vm, a, b, CmpOp::LT)), "True");
  RootValue x(vm, ints({1, 2})), y(vm, ints({1, 2})), z(vm, ints({1}));
  EXPECT_EQ(r(compare(vm, x, y, CmpOp::EQ)), "True");
  EXPECT_EQ(r(compare(vm, x, z, CmpOp::GT)), "True");
  EXPECT_EQ(contains(vm, a, I(2)), 1);
  EXPECT_EQ(contains(vm, a, I(5)), 0);
}

TEST_P(ListTest, SortFastPathsAndKeys) {
  RootValue l(vm, ints({5, -1, 3, 3, 0, 99, -7}));
  ASSERT_FALSE(callm(l, "sort").is_exception());
  EXPECT_EQ(r(l), "[-7, -1, 0, 3, 3, 5, 99]");
  RootValue big(vm, list_new(vm));
  for (int i = 0; i < 500; i++) ASSERT_TRUE(list_append(vm, big.get().as<List>(), I((i * 7919) % 503)));
  ASSERT_FALSE(callm(big, "sort").is_exception());
  List* bl = big.get().as<List>();
  for (uint64_t i = 1; i < bl->size; i++) ASSERT_LE(bl->items()[i - 1].as_small_int(), bl->items()[i].as_small_int());
  RootValue s(vm, list_new(vm));
  for (const char* w : {"pear", "apple", "fig", "banana"}) {
    RootValue x(vm, S(w));
    ASSERT_TRUE(list_append(vm, s.get().as<List>(), x));
  }
  ASSERT_FALSE(callm(s, "sort").is_exception());
  EXPECT_EQ(r(s), "['apple', 'banana', 'fig', 'pear']");
  RootValue mixed(vm, ints({2, 1}));
  ASSERT_TRUE(list_append(vm, mixed.get().as<List>(), Value::from_double(1.5)));
  ASSERT_FALSE(callm(mixed, "sort").is_exception());
  EXPECT_EQ(r(mixed), "[1, 1.5, 2]");
}

TEST_P(ListTest, SortErrorLeavesPermutation) {
  RootValue l(vm, ints({3, 1, 2}));
  RootValue s(vm, S("x"));
  ASSERT_TRUE(list_append(vm, l.get().as<List>(), s));
  EXPECT_TRUE(callm(l, "sort").is_exception());
  EXPECT_EQ(err(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(l.get().as<List>()->size, 4u);
  int64_t sum = 0;
  for (Value v : l.get().as<List>()->span()) sum += v.is_small_int() ? v.as_small_int() : 100;
  EXPECT_EQ(sum, 106);
  EXPECT_TRUE(callm(l, "sort", {I(1)}).is_exception());
  EXPECT_EQ(err(), "TypeError: sort() takes no positional arguments");
}

TEST_P(ListTest, ListConstructor) {
  RootValue src(vm, range_new(vm, 0, 5, 2));
  EXPECT_EQ(r(ctor(vm.types.list, {src})), "[0, 2, 4]");
  EXPECT_EQ(r(ctor(vm.types.list, {})), "[]");
  EXPECT_TRUE(ctor(vm.types.list, {I(1)}).is_exception());
  EXPECT_EQ(err(), "TypeError: 'int' object is not iterable");
}

TEST_P(ListTest, Tuples) {
  RootValue t(vm, ctor(vm.types.tuple, {ints({1, 2, 3})}));
  EXPECT_EQ(r(t), "(1, 2, 3)");
  RootValue one(vm, tuple_new(vm, 1));
  one.get().as<Tuple>()->items[0] = I(1);
  EXPECT_EQ(r(one), "(1,)");
  EXPECT_EQ(r(tuple_new(vm, 0)), "()");
  int64_t h;
  ASSERT_TRUE(hash_value(vm, tuple_new(vm, 0), &h));
  EXPECT_EQ(h, 5740354900026072187);
  RootValue pair(vm, ctor(vm.types.tuple, {ints({1, 2})}));
  ASSERT_TRUE(hash_value(vm, pair, &h));
  EXPECT_EQ(h, -3550055125485641917);
  EXPECT_TRUE(get_item(vm, t, I(3)).is_exception());
  EXPECT_EQ(err(), "IndexError: tuple index out of range");
  RootValue s(vm, slice(Value::none(), Value::none(), I(-1)));
  EXPECT_EQ(r(get_item(vm, t, s)), "(3, 2, 1)");
  EXPECT_EQ(r(binary_op(vm, t, one, BinOp::ADD)), "(1, 2, 3, 1)");
  EXPECT_EQ(r(binary_op(vm, one, I(3), BinOp::MUL)), "(1, 1, 1)");
  EXPECT_EQ(r(callm(t, "index", {I(3)})), "2");
  EXPECT_TRUE(callm(t, "index", {I(4)}).is_exception());
  EXPECT_EQ(err(), "ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(r(compare(vm, t, pair, CmpOp::GT)), "True");
}

TEST_P(ListTest, Ranges) {
  RootValue rg(vm, range_new(vm, 0, 10, 3));
  EXPECT_EQ(r(rg), "range(0, 10, 3)");
  EXPECT_EQ(r(range_new(vm, 0, 10, 1)), "range(0, 10)");
  int64_t n;
  ASSERT_TRUE(length(vm, rg, &n));
  EXPECT_EQ(n, 4);
  EXPECT_EQ(r(get_item(vm, rg, I(-1))), "9");
  RootValue s(vm, slice(I(1), Value::none(), Value::none()));
  EXPECT_EQ(r(get_item(vm, rg, s)), "range(3, 12, 3)");
  s.set(slice(Value::none(), Value::none(), I(-1)));
  RootValue r10(vm, range_new(vm, 0, 10, 1));
  EXPECT_EQ(r(get_item(vm, r10, s)), "range(9, -1, -1)");
  EXPECT_EQ(contains(vm, rg, I(6)), 1);
  EXPECT_EQ(contains(vm, rg, I(7)), 0);
  EXPECT_EQ(contains(vm, rg, Value::from_double(6.0)), 1);
  EXPECT_TRUE(ctor(vm.types.range, {I(1), I(2), I(0)}).is_exception());
  EXPECT_EQ(err(), "ValueError: range() arg 3 must not be zero");
  EXPECT_TRUE(ctor(vm.types.range, {Value::from_double(1.5)}).is_exception());
  EXPECT_EQ(err(), "TypeError: 'float' object cannot be interpreted as an integer");
  RootValue e1(vm, range_new(vm, 0, 0, 1)), e2(vm, range_new(vm, 5, 2, 1));
  EXPECT_EQ(r(compare(vm, e1, e2, CmpOp::EQ)), "True");
  EXPECT_EQ(r(ctor(vm.types.list, {range_new(vm, 5, 0, -2)})), "[5, 3, 1]");
}

TEST_P(ListTest, SliceObject) {
  RootValue s(vm, ctor(vm.types.slice, {I(1), I(2)}));
  EXPECT_EQ(r(s), "slice(1, 2, None)");
  EXPECT_EQ(r(get_attr(vm, s, str_intern(vm, "stop"))), "2");
  EXPECT_EQ(r(callm(s, "indices", {I(10)})), "(1, 2, 1)");
  int64_t h;
  EXPECT_FALSE(hash_value(vm, s, &h));
  EXPECT_EQ(err(), "TypeError: unhashable type: 'slice'");
}

TEST_P(ListTest, LazyIterators) {
  RootValue l(vm, ints({1, 2, 3}));
  RootValue e(vm, ctor(vm.types.enumerate, {l, I(10)}));
  EXPECT_EQ(r(ctor(vm.types.list, {e})), "[(10, 1), (11, 2), (12, 3)]");
  RootValue z(vm, ctor(vm.types.zip, {l, ints({4, 5})}));
  EXPECT_EQ(r(ctor(vm.types.list, {z})), "[(1, 4), (2, 5)]");
  RootValue rv(vm, ctor(vm.types.reversed, {l}));
  EXPECT_EQ(type_of(vm, rv)->name->view(), "list_reverseiterator");
  EXPECT_EQ(r(ctor(vm.types.list, {rv})), "[3, 2, 1]");
  RootValue t(vm, ctor(vm.types.tuple, {l}));
  EXPECT_EQ(r(ctor(vm.types.list, {ctor(vm.types.reversed, {t})})), "[3, 2, 1]");
  EXPECT_EQ(r(ctor(vm.types.list, {ctor(vm.types.reversed, {range_new(vm, 0, 3, 1)})})), "[2, 1, 0]");
  RootValue f(vm, ctor(vm.types.filter, {Value::none(), ints({0, 1, 0, 2})}));
  EXPECT_EQ(r(ctor(vm.types.list, {f})), "[1, 2]");
  EXPECT_TRUE(ctor(vm.types.reversed, {I(5)}).is_exception());
  EXPECT_EQ(err(), "TypeError: 'int' object is not reversible");
  EXPECT_TRUE(ctor(vm.types.map, {Value::none()}).is_exception());
  EXPECT_EQ(err(), "TypeError: map() must have at least two arguments.");
}

TEST_P(ListTest, IteratorStaysExhausted) {
  RootValue l(vm, ints({1}));
  RootValue it(vm, get_iter(vm, l));
  EXPECT_EQ(r(iter_next(vm, it)), "1");
  EXPECT_TRUE(iter_next(vm, it).is_null());
  ASSERT_TRUE(list_append(vm, l.get().as<List>(), I(2)));
  EXPECT_TRUE(iter_next(vm, it).is_null());
}

INSTANTIATE_TEST_SUITE_P(GcModes, ListTest, ::testing::Values(false, true));

}  // namespace
}  // namespace contrail::runtime
