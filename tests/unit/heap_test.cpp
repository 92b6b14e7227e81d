// tests/unit/heap_test.cpp -- The GC v2 allocator (runtime/gc.h): size classes,
// zeroed cells, reuse of swept cells, empty blocks given back, the
// large-object space, the heap limit and gc.disable(); plus a randomised mix
// of sizes and lifetimes whose survivors must keep their contents.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <random>

#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

TEST(Heap, SizeClassesCoverEveryRequestWithBoundedWaste) {
  size_t prev = 0;
  for (size_t bytes = sizeof(Obj); bytes <= 3 * kMaxSmallSize; ++bytes) {
    size_t cell = Heap::cell_size(bytes);
    ASSERT_GE(cell, bytes);
    ASSERT_EQ(cell % kGranule, 0u);
    ASSERT_GE(cell, prev);
    ASSERT_LE(cell - bytes, std::max<size_t>(kGranule, bytes / 4)) << bytes;
    prev = cell;
  }
  EXPECT_EQ(Heap::cell_size(1), Heap::cell_size(sizeof(Obj)));  // at least a header
}

TEST(Heap, ObjectsAreAlignedZeroedAndTyped) {
  Vm vm(VmOptions{});
  for (size_t bytes : {size_t{8}, size_t{100}, size_t{1000}, size_t{5000}, size_t{300000}}) {
    RawArray* a = raw_array_new(vm, bytes);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % kGranule, 0u);
    EXPECT_EQ(a->klass, vm.types.raw_array);
    for (size_t i = 0; i < bytes; ++i) ASSERT_EQ(a->data[i], 0) << bytes;
  }
}

TEST(Heap, ReusedCellsComeBackZeroed) {
  Vm vm(VmOptions{});
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 1000; ++i) {
      RawArray* a = raw_array_new(vm, 200);
      ASSERT_NE(a, nullptr);
      for (size_t j = 0; j < 200; ++j) ASSERT_EQ(a->data[j], 0);
      std::memset(a->data, 0x5a, 200);
    }
    vm.heap.collect(vm);
  }
}

TEST(Heap, SweptCellsAreReusedBeforeNewBlocks) {
  Vm vm(VmOptions{});
  vm.heap.set_enabled(false);
  for (int i = 0; i < 20000; ++i) ASSERT_NE(raw_array_new(vm, 40), nullptr);
  vm.heap.collect(vm);
  uint64_t mapped = vm.heap.stats().blocks_mapped_total;
  for (int i = 0; i < 20000; ++i) ASSERT_NE(raw_array_new(vm, 40), nullptr);
  EXPECT_EQ(vm.heap.stats().blocks_mapped_total, mapped);  // cached blocks and free cells suffice
}

TEST(Heap, EmptyBlocksGoBackToTheOs) {
  Vm vm(VmOptions{});
  vm.heap.set_enabled(false);
  for (int i = 0; i < 400000; ++i) ASSERT_NE(raw_array_new(vm, 200), nullptr);  // ~90 MB of garbage
  size_t before = vm.heap.stats().blocks_in_use;
  EXPECT_GT(before * kBlockSize, size_t{80} << 20);
  vm.heap.collect(vm);
  const HeapStats& st = vm.heap.stats();
  EXPECT_LT(st.blocks_in_use, before / 10);
  EXPECT_LT((st.blocks_in_use + st.blocks_cached) * kBlockSize, size_t{40} << 20);
  EXPECT_GT(st.blocks_unmapped_total, 0u);
  EXPECT_LT(vm.heap.bytes_live(), size_t{8} << 20);
}

TEST(Heap, LargeObjectsLiveWhileRootedAndAreFreedAfter) {
  Vm vm(VmOptions{});
  vm.heap.collect(vm);
  size_t large_before = vm.heap.stats().large_objects;
  {
    RootValue big(vm, list_new(vm, 100000));       // 800 KB array: mmap'ed
    RootValue medium(vm, list_new(vm, 1000));      // 8 KB array: calloc'ed
    ASSERT_FALSE(big.get().is_exception());
    ASSERT_EQ(vm.heap.stats().large_objects, large_before + 2);
    big.get().as<List>()->array->items[99999] = Value::small_int(7);
    medium.get().as<List>()->array->items[999] = Value::small_int(8);
    vm.heap.collect(vm);
    EXPECT_EQ(vm.heap.stats().large_objects, large_before + 2);
    EXPECT_EQ(big.get().as<List>()->array->items[99999].as_small_int(), 7);
    EXPECT_EQ(medium.get().as<List>()->array->items[999].as_small_int(), 8);
  }
  vm.heap.collect(vm);
  EXPECT_EQ(vm.heap.stats().large_objects, large_before);
}

TEST(Heap, LimitTurnsExhaustionIntoNullAndRecovers) {
  Vm vm(VmOptions{});
  vm.heap.collect(vm);
  vm.heap.set_limit(vm.heap.bytes_live() + (size_t{4} << 20));
  {
    RootValue keep(vm, list_new(vm));
    bool exhausted = false;
    for (int i = 0; i < 100000 && !exhausted; ++i) {
      RawArray* a = raw_array_new(vm, 1000);
      if (a == nullptr) {
        exhausted = true;
        break;
      }
      RootValue ra(vm, Value::object(a));
      if (!list_append(vm, keep.get().as<List>(), ra)) exhausted = true;
    }
    EXPECT_TRUE(exhausted);
    EXPECT_TRUE(vm.pending == vm.memory_error);
    vm.pending = Value::null();
  }
  ASSERT_NE(raw_array_new(vm, 1000), nullptr);  // the dropped list is collected on demand
  vm.heap.set_limit(0);
}

TEST(Heap, DisabledHeapDoesNotCollectAutomatically) {
  Vm vm(VmOptions{});
  vm.heap.set_enabled(false);
  uint64_t before = vm.heap.stats().collections;
  for (int i = 0; i < 100000; ++i) ASSERT_NE(raw_array_new(vm, 200), nullptr);  // ~23 MB
  EXPECT_EQ(vm.heap.stats().collections, before);
  vm.heap.set_enabled(true);
  for (int i = 0; i < 1000; ++i) ASSERT_NE(raw_array_new(vm, 200), nullptr);
  EXPECT_GT(vm.heap.stats().collections, before);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif

// Under stress mode a dead cell is filled with 0xdb (its block is kept alive
// by a rooted neighbour, so the memory stays mapped). ASan builds instead
// poison it in the shadow memory: reading it is reported.
TEST(Heap, StressModePoisonsDeadCells) {
  VmOptions opts;
  opts.gc_stress = true;
  Vm vm(opts);
  RootValue keep(vm, Value::object(raw_array_new(vm, 64)));
  RawArray* dead = raw_array_new(vm, 64);
  ASSERT_NE(dead, nullptr);
  std::memset(dead->data, 0x11, 64);
  vm.heap.collect(vm);
  if (kAsan) {
    EXPECT_DEATH(std::printf("%d\n", static_cast<int>(*static_cast<volatile unsigned char*>(dead->data + 8))),
                 "use-after-poison");
  } else {
    EXPECT_EQ(dead->data[8], 0xdb);
  }
}

// Objects of random sizes (small, medium and large) with random lifetimes;
// every survivor keeps a byte pattern derived from its index.
void check_mixed(bool stress, int steps) {
  VmOptions opts;
  opts.gc_stress = stress;
  Vm vm(opts);
  std::mt19937 rng(12345);
  constexpr size_t kSlots = 512;
  RootValue slots(vm, list_new(vm, kSlots));
  for (size_t i = 0; i < kSlots; ++i) ASSERT_TRUE(list_append(vm, slots.get().as<List>(), Value::none()));
  auto pattern = [](size_t bytes, unsigned tag) { return static_cast<unsigned char>(tag * 31 + bytes); };
  for (int step = 0; step < steps; ++step) {
    unsigned r = rng();
    size_t bytes = r % 8 == 0 ? 2000 + rng() % 20000 : r % 8 == 1 ? 200 + rng() % 2000 : rng() % 200;
    RawArray* a = raw_array_new(vm, bytes);
    ASSERT_NE(a, nullptr);
    std::memset(a->data, pattern(bytes, static_cast<unsigned>(step)), bytes);
    size_t slot = rng() % kSlots;
    slots.get().as<List>()->items()[slot] = Value::object(a);
    // Each RawArray records its step in the first 4 bytes (when it has room).
    if (bytes >= 4) std::memcpy(a->data, &step, 4);
  }
  vm.heap.collect(vm);
  for (Value v : slots.get().as<List>()->span()) {
    if (v.is_none()) continue;
    RawArray* a = v.as<RawArray>();
    if (a->bytes < 4) continue;
    int step;
    std::memcpy(&step, a->data, 4);
    unsigned char want = pattern(a->bytes, static_cast<unsigned>(step));
    for (size_t i = 4; i < a->bytes; ++i) ASSERT_EQ(a->data[i], want) << "step " << step << " byte " << i;
  }
}

TEST(Heap, MixedSizesAndLifetimesKeepSurvivorsIntact) { check_mixed(false, 300000); }
TEST(Heap, MixedSizesUnderStress) { check_mixed(true, 3000); }

}  // namespace
}  // namespace contrail::runtime
