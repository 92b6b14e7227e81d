// runtime/gc.h -- The garbage collector (v2): precise, non-moving mark-sweep
// over size-class segregated blocks plus a large-object space.
// Small objects (<= kMaxSmallSize bytes) live in 64 KiB aligned blocks, each
// holding cells of one size class, with an allocation bitmap and a mark bitmap
// in the block's header. Allocation takes the next clear bit of the class's
// current block (a 64-cell word at a time); objects above kMaxSmallSize are
// allocated one by one (malloc, or mmap when huge) and linked through
// Obj::gc_next. A collection marks from the roots (Vm::trace_roots) with an
// explicit mark stack (no recursion, so deep structures cannot overflow the C
// stack), then sweeps: each block's allocation bits become its mark bits (no
// cell is touched), blocks left empty go to a bounded cache or back to the OS,
// dead large objects are freed.
// Invariants:
//  - allocate() may collect before it returns: every reference a C++ caller
//    still needs must be reachable from a root (Root<T>, the VM stack, ...).
//  - allocate() returns the requested bytes zeroed, with klass set; every GC
//    object comes from allocate() (the tracer finds a small object's block by
//    masking its address).
//  - An object is marked when its Obj::gc_mark equals the current epoch; a
//    small object's mark is mirrored in its block's mark bitmap, which is what
//    the sweep reads.
//  - Under stress mode every allocation collects and freed memory is poisoned
//    (0xdb), so a missing root turns into a crash or a wrong answer in tests.
//    ASan builds also poison free cells in the shadow memory.
//  - Objects never move; a collection never runs while the heap is inconsistent
//    (allocation initialises the header before anything can observe it).
// Depends on runtime/object.h only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/object.h"

namespace contrail::runtime {

class Vm;

// Block geometry. Cells are multiples of kGranule bytes, so every object is
// 16-byte aligned; blocks are kBlockSize-aligned so the block of a small
// object is its address with the low bits cleared.
constexpr size_t kBlockSize = size_t{64} << 10;
constexpr size_t kGranule = 16;
constexpr size_t kMinCellSize = 32;     // sizeof(Obj) rounded up to a granule
constexpr size_t kMaxSmallSize = 2048;  // larger objects go to the large-object space
constexpr size_t kSizeClasses = 27;     // 32..256 by 16, then four steps per doubling to 2048
constexpr size_t kBitmapWords = 32;     // 64 bits each: enough for the 32-byte class

// Header at the start of every block; the cells follow it.
struct HeapBlock {
  uint32_t cell_size;
  uint32_t size_class;
  uint32_t ncells;
  uint32_t div_magic;                  // ceil(2^32 / cell_size): index = offset * magic >> 32
  char* cells;                         // first cell
  HeapBlock* next;                     // next block of its class to allocate from
  uint64_t alloc_bits[kBitmapWords];   // 1: allocated (or past the last cell)
  uint64_t mark_bits[kBitmapWords];    // 1: marked by the collection in progress

  static HeapBlock* of(const Obj* o) {
    return reinterpret_cast<HeapBlock*>(reinterpret_cast<uintptr_t>(o) & ~(kBlockSize - 1));
  }
  size_t index_of(const Obj* o) const {
    return static_cast<size_t>((uint64_t(reinterpret_cast<const char*>(o) - cells) * div_magic) >> 32);
  }
};

// Marks reachable objects; handed to every Klass::trace.
class Tracer {
 public:
  explicit Tracer(uint32_t epoch) : epoch_(epoch) {}
  void visit(Value v) {
    if (v.is_obj()) visit(v.as_obj());
  }
  // Accepts pointers to incomplete object types too: every GC object starts
  // with its Obj header (standard layout), so the cast is exact.
  template <class T>
  void visit(const T* o) {
    visit_obj(reinterpret_cast<const Obj*>(o));
  }
  void visit_obj(const Obj* o) {
    if (o == nullptr || o->gc_mark == epoch_) return;
    const_cast<Obj*>(o)->gc_mark = epoch_;
    if (size_t{o->size8} * 8 <= kMaxSmallSize) {
      HeapBlock* b = HeapBlock::of(o);
      size_t i = b->index_of(o);
      b->mark_bits[i / 64] |= uint64_t{1} << (i % 64);
    }
    // A leaf (no trace slot) whose type is already marked has nothing left to
    // visit: skip the mark stack (most floats, strs and ints).
    const Klass* k = o->klass;
    if (k->trace == nullptr && k->gc_mark == epoch_) return;
    stack_.push_back(const_cast<Obj*>(o));
  }
  // Drains the mark stack, tracing each object's children.
  void drain();

 private:
  uint32_t epoch_;
  std::vector<Obj*> stack_;
};

struct HeapStats {
  uint64_t collections = 0;
  uint64_t bytes_allocated_total = 0;  // cell bytes handed out since start-up
  uint64_t objects_freed_total = 0;
  uint64_t blocks_mapped_total = 0;    // blocks taken from the OS
  uint64_t blocks_unmapped_total = 0;  // blocks given back to the OS
  size_t blocks_in_use = 0;            // blocks holding cells of some size class
  size_t blocks_cached = 0;            // empty blocks kept for reuse
  size_t large_objects = 0;            // objects in the large-object space (live or unswept)
};

class Heap {
 public:
  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates [bytes] (>= sizeof(Obj)) zeroed, with klass set. May collect
  // first. Returns null when the heap limit is exceeded or the OS refuses
  // memory (caller raises MemoryError through Vm::alloc).
  Obj* allocate(Vm& vm, Klass* klass, size_t bytes);
  // Runs a full collection now; returns the number of objects freed.
  size_t collect(Vm& vm);

  void set_stress(bool on) { stress_ = on; }
  bool stress() const { return stress_; }
  void set_enabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }
  void set_limit(size_t bytes) { limit_ = bytes; }
  // Bytes of the cells (and large objects) that the last collection kept plus
  // those allocated since: what --max-heap limits.
  size_t bytes_live() const { return bytes_live_; }
  const HeapStats& stats() const { return stats_; }
  // Bytes that a request of [bytes] occupies: its size class's cell size, or
  // for a large object the request rounded up to a granule.
  static size_t cell_size(size_t bytes);
  // Frees every object and gives every block back (VM teardown). Idempotent.
  void free_all();

 private:
  // Per size class: the 64-cell word being handed out and where to go next.
  struct ClassState {
    uint64_t free_bits = 0;        // free cells of the current word not yet handed out
    char* word_base = nullptr;     // address of the current word's first cell
    HeapBlock* block = nullptr;    // block being allocated from
    size_t word = 0;               // next word of [block] to look at
    HeapBlock* partial = nullptr;  // blocks with free cells to continue with (via next)
  };

  Obj* alloc_small(size_t cls, size_t zero);
  Obj* alloc_large(size_t bytes);
  bool next_free_word(size_t cls);
  bool add_block(size_t cls);
  HeapBlock* take_block();
  void release_block(HeapBlock* b);
  void trim_cache(size_t keep);
  void return_free_bits();
  size_t sweep_blocks(size_t* live_bytes);
  size_t sweep_large(uint32_t epoch, size_t* live_bytes);
  void clear_marks();

  ClassState classes_[kSizeClasses];
  std::vector<HeapBlock*> blocks_;  // blocks holding cells, in sweep order
  std::vector<HeapBlock*> cache_;   // empty blocks kept for reuse (still mapped)
  Obj* large_ = nullptr;            // large-object space, linked through gc_next
  size_t bytes_live_ = 0;
  size_t bytes_since_gc_ = 0;
  size_t threshold_;
  size_t limit_ = 0;  // 0: unlimited
  uint32_t epoch_ = 1;
  bool stress_ = false;
  bool enabled_ = true;
  bool collecting_ = false;
  HeapStats stats_;
};

}  // namespace contrail::runtime
