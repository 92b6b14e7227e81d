// tests/unit/builtins_test.cpp -- Tests runtime/mod_builtins.cpp, mod_math.cpp,
// mod_sys.cpp, mod_gc.cpp and modules.cpp by calling the natives directly on
// a fresh VM (no interpreter involved). Expected values and messages come
// from CPython 3.11. Test values are immediates or interned strs, and the GC
// only collects past its 8 MiB threshold, so argument lists need no rooting
// beyond what call_fn does.
#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

class BuiltinsTest : public ::testing::Test {
 protected:
  BuiltinsTest() : vm(VmOptions{}) {}

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

  Value builtin(std::string_view name) { return dict_get_str(vm.builtins, str_intern(vm, name)); }

  Value call_builtin(std::string_view name, std::initializer_list<Value> args) {
    return call_fn(builtin(name), args);
  }

  Value module_attr(std::string_view module, std::string_view name) {
    Value m = import_builtin_module(vm, module);
    EXPECT_FALSE(m.is_null() || m.is_exception());
    return get_attr(vm, m, str_intern(vm, name));
  }

  Value call_module(std::string_view module, std::string_view name, std::initializer_list<Value> args) {
    return call_fn(module_attr(module, name), args);
  }

  Value str(std::string_view s) { return Value::object(str_intern(vm, s)); }

  Value list_of(std::initializer_list<Value> items) {
    Root<List> l(vm, list_new(vm).as<List>());
    for (Value v : items) list_append(vm, l, v);
    return Value::object(l.get());
  }

  std::string text(Value v) {
    EXPECT_TRUE(v.is_obj() && v.as_obj()->klass == vm.types.str);
    return std::string(v.as<Str>()->view());
  }

  std::string repr_of(Value v) { return text(repr(vm, v)); }

  // "TypeName: message" of the pending exception, which is cleared.
  std::string pending_error() {
    if (vm.pending.is_null()) return "<no exception>";
    Value exc = vm.pending;
    vm.pending = Value::null();
    std::string out(type_name(vm, exc));
    out += ": ";
    out += text(exception_str(vm, exc));
    return out;
  }

  Vm vm;
};

TEST_F(BuiltinsTest, LenReprAbs) {
  EXPECT_EQ(repr_of(call_builtin("len", {list_of({Value::small_int(1), Value::small_int(2)})})), "2");
  EXPECT_TRUE(call_builtin("len", {Value::small_int(1)}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: object of type 'int' has no len()");
  EXPECT_TRUE(call_builtin("len", {}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: len() takes exactly one argument (0 given)");
  EXPECT_EQ(repr_of(call_builtin("abs", {Value::small_int(-5)})), "5");
  EXPECT_EQ(repr_of(call_builtin("abs", {Value::from_double(-0.0)})), "0.0");
  EXPECT_TRUE(call_builtin("abs", {str("a")}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: bad operand type for abs(): 'str'");
}

TEST_F(BuiltinsTest, MinMax) {
  Value one = Value::small_int(1), three = Value::small_int(3);
  EXPECT_EQ(repr_of(call_builtin("max", {one, three, Value::small_int(2)})), "3");
  EXPECT_EQ(repr_of(call_builtin("min", {list_of({three, one})})), "1");
  EXPECT_TRUE(call_builtin("max", {}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: max expected at least 1 argument, got 0");
  EXPECT_TRUE(call_builtin("max", {list_of({})}).is_exception());
  EXPECT_EQ(pending_error(), "ValueError: max() arg is an empty sequence");
  EXPECT_TRUE(call_builtin("min", {one}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: 'int' object is not iterable");
}

TEST_F(BuiltinsTest, Sum) {
  Value big = Value::small_int(int64_t{1} << 46);
  EXPECT_EQ(repr_of(call_builtin("sum", {list_of({big, big, big, big})})), "281474976710656");
  Value tenth = Value::from_double(0.1);
  EXPECT_EQ(repr_of(call_builtin(
                "sum", {list_of({tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth})})),
            "0.9999999999999999");
  EXPECT_EQ(repr_of(call_builtin("sum", {list_of({Value::small_int(1), Value::from_double(2.5)})})), "3.5");
  EXPECT_TRUE(call_builtin("sum", {list_of({}), str("")}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

TEST_F(BuiltinsTest, CharactersAndIntText) {
  EXPECT_EQ(repr_of(call_builtin("ord", {str("\xe2\x82\xac")})), "8364");
  EXPECT_TRUE(call_builtin("ord", {str("ab")}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(text(call_builtin("chr", {Value::small_int(65)})), "A");
  EXPECT_TRUE(call_builtin("chr", {Value::small_int(-1)}).is_exception());
  EXPECT_EQ(pending_error(), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(text(call_builtin("hex", {Value::small_int(-31)})), "-0x1f");
  EXPECT_EQ(text(call_builtin("oct", {Value::small_int(8)})), "0o10");
  EXPECT_EQ(text(call_builtin("bin", {Value::boolean(true)})), "0b1");
}

TEST_F(BuiltinsTest, RoundAndPow) {
  EXPECT_EQ(repr_of(call_builtin("round", {Value::from_double(2.5)})), "2");
  EXPECT_EQ(repr_of(call_builtin("round", {Value::small_int(12350), Value::small_int(-2)})), "12400");
  EXPECT_EQ(repr_of(call_builtin("round", {Value::small_int(12345), Value::small_int(-2)})), "12300");
  EXPECT_EQ(repr_of(call_builtin("round", {Value::from_double(2.675), Value::small_int(2)})), "2.67");
  EXPECT_EQ(repr_of(call_builtin("pow", {Value::small_int(2), Value::small_int(-1), Value::small_int(5)})),
            "3");
  EXPECT_TRUE(
      call_builtin("pow", {Value::small_int(2), Value::small_int(3), Value::small_int(0)}).is_exception());
  EXPECT_EQ(pending_error(), "ValueError: pow() 3rd argument cannot be 0");
}

TEST_F(BuiltinsTest, TypesAndAttributes) {
  Value int_type = Value::object(vm.types.int_);
  EXPECT_TRUE(call_builtin("isinstance", {Value::boolean(true), int_type}).is_true());
  EXPECT_TRUE(call_builtin("isinstance", {Value::small_int(1), Value::small_int(1)}).is_exception());
  EXPECT_EQ(pending_error(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_TRUE(call_builtin("issubclass", {Value::object(vm.types.bool_), int_type}).is_true());
  EXPECT_EQ(call_fn(builtin("type"), {Value::small_int(1)}), int_type);
  EXPECT_TRUE(call_builtin("callable", {builtin("len")}).is_true());
  EXPECT_TRUE(call_builtin("callable", {Value::small_int(1)}).is_false());
  EXPECT_TRUE(call_builtin("hasattr", {Value::small_int(1), str("nope")}).is_false());
  EXPECT_EQ(repr_of(call_builtin("getattr", {Value::small_int(1), str("nope"), Value::small_int(7)})), "7");
}

TEST_F(BuiltinsTest, MathModule) {
  EXPECT_EQ(repr_of(call_module("math", "sqrt", {Value::small_int(2)})), "1.4142135623730951");
  EXPECT_TRUE(call_module("math", "sqrt", {Value::small_int(-1)}).is_exception());
  EXPECT_EQ(pending_error(), "ValueError: math domain error");
  EXPECT_EQ(repr_of(call_module("math", "hypot", {Value::small_int(3), Value::small_int(4)})), "5.0");
  Value tenth = Value::from_double(0.1);
  EXPECT_EQ(
      repr_of(call_module("math", "fsum",
                          {list_of({tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth, tenth})})),
      "1.0");
  EXPECT_EQ(repr_of(call_module("math", "factorial", {Value::small_int(25)})), "15511210043330985984000000");
  EXPECT_EQ(repr_of(call_module("math", "comb", {Value::small_int(10), Value::small_int(3)})), "120");
  EXPECT_EQ(repr_of(call_module("math", "floor", {Value::from_double(-1.5)})), "-2");
  EXPECT_TRUE(call_module("math", "floor", {Value::from_double(HUGE_VAL)}).is_exception());
  EXPECT_EQ(pending_error(), "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(repr_of(call_module("math", "gcd", {Value::small_int(-12), Value::small_int(18)})), "6");
  Value big = int_from_big(vm, big_pow(big_from_int64(2).view(), 10000));
  RootValue rbig(vm, big);
  EXPECT_EQ(repr_of(call_module("math", "log", {rbig, Value::small_int(2)})), "10000.0");
}

TEST_F(BuiltinsTest, SysAndGcModules) {
  Value vi = module_attr("sys", "version_info");
  EXPECT_EQ(repr_of(get_attr(vm, vi, str_intern(vm, "major"))), "3");
  EXPECT_TRUE(call_module("sys", "setrecursionlimit", {Value::small_int(0)}).is_exception());
  EXPECT_EQ(pending_error(), "ValueError: recursion limit must be greater or equal than 1");
  EXPECT_TRUE(call_module("sys", "setrecursionlimit", {Value::small_int(5000)}).is_none());
  EXPECT_EQ(vm.recursion_limit, 5000);
  EXPECT_EQ(import_builtin_module(vm, "sys"), import_builtin_module(vm, "sys"));
  EXPECT_TRUE(import_builtin_module(vm, "nosuchmodule").is_null());
  Value freed = call_module("gc", "collect", {});
  EXPECT_TRUE(freed.is_small_int());
  EXPECT_TRUE(call_module("gc", "isenabled", {}).is_true());
}

}  // namespace
}  // namespace contrail::runtime
