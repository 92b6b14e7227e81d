// tests/unit/gc_test.cpp -- The collector: roots keep objects alive, garbage is
// freed, deep structures are marked without recursion, stress mode collects at
// every allocation; and the interpreter's hot counters (the JIT's hooks) count
// loop back-edges and function entries.
#include <gtest/gtest.h>

#include "runtime/bytecode.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/vm.h"
#include "src/front/front.h"
#include "src/interp/interp.h"
#include "src/interp/loader.h"

namespace contrail::runtime {
namespace {

TEST(Gc, RootedObjectsSurviveAndGarbageIsFreed) {
  Vm vm(VmOptions{});
  RootValue keep(vm, list_new(vm));
  for (int i = 0; i < 100; ++i) {
    RootValue s(vm, str_new(vm, "kept " + std::to_string(i)));
    ASSERT_TRUE(list_append(vm, keep.get().as<List>(), s));
  }
  for (int i = 0; i < 10000; ++i) ASSERT_FALSE(str_new(vm, "garbage " + std::to_string(i)).is_exception());
  size_t freed = vm.heap.collect(vm);
  EXPECT_GE(freed, 10000u);
  List* l = keep.get().as<List>();
  ASSERT_EQ(l->size, 100u);
  EXPECT_EQ(l->items()[42].as<Str>()->view(), "kept 42");
}

TEST(Gc, LiveBytesStayBoundedWhileAllocatingALot) {
  Vm vm(VmOptions{});
  size_t peak = 0;
  for (int i = 0; i < 200000; ++i) {
    Value l = list_new(vm, 64);  // ~600 bytes each, ~120 MB in total
    ASSERT_FALSE(l.is_exception());
    peak = std::max(peak, vm.heap.bytes_live());
  }
  EXPECT_LT(peak, size_t{64} << 20);  // threshold-driven collections keep the heap small
  EXPECT_GT(vm.heap.stats().collections, 0u);
}

TEST(Gc, DeepChainIsMarkedWithoutRecursion) {
  Vm vm(VmOptions{});
  RootValue head(vm, list_new(vm));
  Value cur = head;
  RootValue rcur(vm, cur);
  for (int i = 0; i < 200000; ++i) {
    RootValue next(vm, list_new(vm));
    ASSERT_TRUE(list_append(vm, rcur.get().as<List>(), next));
    rcur.set(next);
  }
  vm.heap.collect(vm);  // would overflow the C stack with a recursive marker
  size_t depth = 0;
  for (Value v = head; v.as<List>()->size == 1; v = v.as<List>()->items()[0]) ++depth;
  EXPECT_EQ(depth, 200000u);
}

TEST(Gc, StressModeCollectsAtEveryAllocation) {
  VmOptions opts;
  opts.gc_stress = true;
  Vm vm(opts);
  uint64_t before = vm.heap.stats().collections;
  RootValue d(vm, dict_new(vm));
  for (int i = 0; i < 50; ++i) {
    RootValue k(vm, str_new(vm, "key" + std::to_string(i)));
    ASSERT_TRUE(dict_set(vm, d.get().as<Dict>(), k, Value::small_int(i)));
  }
  EXPECT_GE(vm.heap.stats().collections - before, 50u);
  EXPECT_EQ(d.get().as<Dict>()->used, 50u);
}

TEST(HotCounters, CountLoopBackEdgesAndFunctionEntries) {
  Vm vm(VmOptions{});
  interp::install(vm);
  front::CompileResult cr = front::compile_source(
      "def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\nf(10)\nf(5)\n", "<test>");
  ASSERT_FALSE(cr.error.has_value());
  RootValue code(vm, interp::load_code(vm, *cr.code));
  RootValue globals(vm, dict_new(vm));
  ASSERT_FALSE(interp::run_module(vm, code.get().as<Code>(), globals.get().as<Dict>()).is_exception());
  Value f = dict_get_str(globals.get().as<Dict>(), str_intern(vm, "f"));
  ASSERT_TRUE(f.is_obj());
  Code* fc = f.as<Function>()->code;
  EXPECT_EQ(fc->entry_counter, 2u);
  uint32_t back_edges = 0;
  for (uint32_t pc = 0; pc < fc->ninstr; ++pc)
    if (Instr::op(fc->code()[pc]) == Op::JUMP_BACKWARD) back_edges += fc->counters->as<uint32_t>()[pc];
  EXPECT_EQ(back_edges, 15u);  // one per loop iteration: 10 + 5
}

}  // namespace
}  // namespace contrail::runtime
