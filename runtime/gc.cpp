// runtime/gc.cpp -- Mark-sweep collection over size-class blocks and the
// large-object space. Roots come from Vm::trace_roots(); children from each
// Klass::trace.
// Invariants (besides runtime/gc.h's):
//  - A block's alloc bit is 1 for every allocated cell, for every cell of the
//    word its class is handing out (ClassState::free_bits holds the ones not
//    yet handed out; return_free_bits() gives them back before a sweep), and
//    for the bit positions past its last cell.
//  - Mark bits are all 0 outside a collection.
//  - Cells are touched only by allocate() (which zeroes the requested bytes)
//    and by the sweep under stress mode or ASan (poisoning dead cells).
#include "runtime/gc.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>

#include "runtime/vm.h"

#if defined(__SANITIZE_ADDRESS__)
#define CT_GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CT_GC_ASAN 1
#endif
#endif
#ifdef CT_GC_ASAN
#include <sanitizer/asan_interface.h>
#define CT_GC_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define CT_GC_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
constexpr bool kAsan = true;
#else
#define CT_GC_POISON(p, n) ((void)(p), (void)(n))
#define CT_GC_UNPOISON(p, n) ((void)(p), (void)(n))
constexpr bool kAsan = false;
#endif

namespace contrail::runtime {

namespace {

constexpr unsigned char kPoisonByte = 0xdb;
// Collect when the bytes allocated since the last collection exceed
// max(kMinThreshold, traced live bytes * kGrowthPercent / 100). Measured on
// the benchmarks (docs/ARCHITECTURE.md): 50% instead of v1's 100% lowers peak
// RSS by up to a sixth at no CPU cost (fewer fresh pages to fault in pay for
// the extra marking), and a 2 MiB minimum keeps small-heap programs' cells
// hot in the cache.
// "Traced" leaves out large leaf objects (big strs and ints): the headroom
// exists to amortise the marking work of a collection over the allocation
// that precedes it, and a leaf costs one visit whatever its size, so a big
// text must not buy megabytes of garbage. dict_words (a 2.8 MB document kept
// live while lines and words churn) peaks 4 MB lower, with no CPU cost; heaps
// of small objects, where bytes track marking work, are unaffected.
constexpr size_t kMinThreshold = size_t{2} << 20;
constexpr size_t kGrowthPercent = 50;
// Large objects from this size on get their own mapping, so their memory goes
// back to the OS as soon as they die.
constexpr size_t kMapLargeSize = size_t{128} << 10;
constexpr size_t kPageSize = 4096;
// The biggest object the 32-bit Obj::size8 can describe.
constexpr size_t kMaxObjectBytes = size_t{UINT32_MAX} * 8;
constexpr size_t kHeaderBytes = (sizeof(HeapBlock) + kGranule - 1) & ~(kGranule - 1);
static_assert(sizeof(Obj) <= kMinCellSize);
static_assert((kBlockSize - kHeaderBytes) / kMinCellSize <= kBitmapWords * 64, "bitmaps too small");

constexpr std::array<uint32_t, kSizeClasses> kClassSize = [] {
  std::array<uint32_t, kSizeClasses> s{};
  size_t n = 0;
  for (uint32_t size = kMinCellSize; size <= 256; size += kGranule) s[n++] = size;
  for (uint32_t base = 256; base < kMaxSmallSize; base *= 2)
    for (uint32_t step = 1; step <= 4; ++step) s[n++] = base + base / 4 * step;
  return s;
}();
static_assert(kClassSize[kSizeClasses - 1] == kMaxSmallSize);

// Size class of a request of g granules (g <= kMaxSmallSize / kGranule).
constexpr std::array<uint8_t, kMaxSmallSize / kGranule + 1> kClassOfGranules = [] {
  std::array<uint8_t, kMaxSmallSize / kGranule + 1> t{};
  size_t cls = 0;
  for (size_t g = 0; g < t.size(); ++g) {
    while (kClassSize[cls] < g * kGranule) ++cls;
    t[g] = static_cast<uint8_t>(cls);
  }
  return t;
}();

size_t class_of(size_t bytes) { return kClassOfGranules[(bytes + kGranule - 1) / kGranule]; }
size_t page_round(size_t bytes) { return (bytes + kPageSize - 1) & ~(kPageSize - 1); }

// Bits of word [w] of [b]'s bitmaps that stand for real cells.
uint64_t valid_bits(const HeapBlock* b, size_t w) {
  size_t first = w * 64;
  if (first + 64 <= b->ncells) return ~uint64_t{0};
  return first >= b->ncells ? 0 : (uint64_t{1} << (b->ncells - first)) - 1;
}

size_t bitmap_words(const HeapBlock* b) { return (b->ncells + 63) / 64; }

// Large objects from this size on ask for transparent huge pages: a strided
// walk over a big list then misses the TLB once per 2 MiB, not per 4 KiB.
// Smaller ones do not (a huge page may count in full towards RSS).
constexpr size_t kHugePageMin = size_t{4} << 20;

// Maps one kBlockSize-aligned block: over-map by a block, trim both ends.
HeapBlock* map_block() {
  void* p = mmap(nullptr, 2 * kBlockSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<uintptr_t>(p);
  uintptr_t aligned = (start + kBlockSize - 1) & ~(kBlockSize - 1);
  if (aligned > start) munmap(p, aligned - start);
  size_t tail = start + 2 * kBlockSize - (aligned + kBlockSize);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + kBlockSize), tail);
  return reinterpret_cast<HeapBlock*>(aligned);
}

void unmap_block(HeapBlock* b) {
  CT_GC_UNPOISON(b, kBlockSize);  // the address range may be mapped again later
  munmap(b, kBlockSize);
}

// Gives the memory of large object [o] of [size] bytes (its cell size) back:
// mmap'ed ones straight to the OS (later accesses fault), others poisoned
// under stress mode and returned to malloc.
void free_large(Obj* o, size_t size, bool stress) {
  if (size >= kMapLargeSize) {
    munmap(o, page_round(size));
    return;
  }
  if (stress) std::memset(static_cast<void*>(o), kPoisonByte, size);
  std::free(o);
}

// Bytes of the objects without references (no trace slot) in the large-object
// list from [large]: live ones, right after a sweep.
size_t leaf_bytes(const Obj* large) {
  size_t bytes = 0;
  for (const Obj* o = large; o != nullptr; o = o->gc_next)
    if (o->klass->trace == nullptr) bytes += Heap::cell_size(size_t{o->size8} * 8);
  return bytes;
}

}  // namespace

void Tracer::drain() {
  while (!stack_.empty()) {
    Obj* o = stack_.back();
    stack_.pop_back();
    visit(o->klass);
    if (o->klass->trace != nullptr) o->klass->trace(o, *this);
  }
}

Heap::Heap() : threshold_(kMinThreshold) {}
Heap::~Heap() { free_all(); }

size_t Heap::cell_size(size_t bytes) {
  size_t rounded = (std::max(bytes, sizeof(Obj)) + 7) & ~size_t{7};
  if (rounded <= kMaxSmallSize) return kClassSize[class_of(rounded)];
  return (rounded + kGranule - 1) & ~(kGranule - 1);
}

// -- Allocation ---------------------------------------------------------------

Obj* Heap::allocate(Vm& vm, Klass* klass, size_t bytes) {
  if (bytes > kMaxObjectBytes) return nullptr;
  size_t zero = (std::max(bytes, sizeof(Obj)) + 7) & ~size_t{7};
  bool small = zero <= kMaxSmallSize;
  size_t cls = small ? class_of(zero) : 0;
  size_t size = small ? kClassSize[cls] : (zero + kGranule - 1) & ~(kGranule - 1);
  if (enabled_ && !collecting_ && (stress_ || bytes_since_gc_ + size > threshold_)) {
    collect(vm);
    // The object this collection made room for is not garbage yet: without
    // this credit, an object larger than the headroom (a 48 MB list) would
    // make the very next allocation collect again, marking it for nothing.
    if (size > threshold_) threshold_ += size;
  }
  if (limit_ != 0 && bytes_live_ + size > limit_) {
    collect(vm);
    if (bytes_live_ + size > limit_) return nullptr;
  }
  Obj* o = small ? alloc_small(cls, zero) : alloc_large(size);
  if (o == nullptr) return nullptr;
  o->klass = klass;
  o->size8 = static_cast<uint32_t>(zero / 8);
  bytes_live_ += size;
  bytes_since_gc_ += size;
  stats_.bytes_allocated_total += size;
  return o;
}

// Returns a cell of class [cls] with its first [zero] bytes zeroed. The rest
// of the cell is stale (and ASan-poisoned): nothing may read past the
// requested size.
Obj* Heap::alloc_small(size_t cls, size_t zero) {
  ClassState& c = classes_[cls];
  if (c.free_bits == 0 && !next_free_word(cls)) return nullptr;
  unsigned bit = static_cast<unsigned>(std::countr_zero(c.free_bits));
  c.free_bits &= c.free_bits - 1;
  Obj* o = reinterpret_cast<Obj*>(c.word_base + size_t{bit} * kClassSize[cls]);
  CT_GC_UNPOISON(o, zero);
  std::memset(static_cast<void*>(o), 0, zero);
  return o;
}

// Loads the next word with free cells into [cls]'s state: from the current
// block, then the partially used blocks the last sweep left, then a new block.
// Claims the word's free cells in the alloc bitmap. False when out of memory.
bool Heap::next_free_word(size_t cls) {
  ClassState& c = classes_[cls];
  for (;;) {
    if (HeapBlock* b = c.block) {
      size_t nwords = bitmap_words(b);
      while (c.word < nwords) {
        size_t w = c.word++;
        uint64_t free = ~b->alloc_bits[w];
        if (free == 0) continue;
        b->alloc_bits[w] = ~uint64_t{0};
        c.free_bits = free;
        c.word_base = b->cells + w * 64 * b->cell_size;
        return true;
      }
    }
    if (c.partial != nullptr) {
      c.block = c.partial;
      c.partial = c.partial->next;
      c.word = 0;
    } else if (!add_block(cls)) {
      return false;
    }
  }
}

Obj* Heap::alloc_large(size_t bytes) {
  void* mem;
  if (bytes >= kMapLargeSize) {
    mem = mmap(nullptr, page_round(bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    if (bytes >= kHugePageMin) madvise(mem, page_round(bytes), MADV_HUGEPAGE);
  } else {
    mem = std::calloc(1, bytes);
    if (mem == nullptr) return nullptr;
  }
  Obj* o = static_cast<Obj*>(mem);
  o->gc_next = large_;
  large_ = o;
  stats_.large_objects++;
  return o;
}

// Makes a fresh (or cached) block the current block of class [cls].
bool Heap::add_block(size_t cls) {
  HeapBlock* b = take_block();
  if (b == nullptr) return false;
  uint32_t size = kClassSize[cls];
  b->cell_size = size;
  b->size_class = static_cast<uint32_t>(cls);
  b->ncells = static_cast<uint32_t>((kBlockSize - kHeaderBytes) / size);
  b->div_magic = static_cast<uint32_t>(((uint64_t{1} << 32) + size - 1) / size);
  b->cells = reinterpret_cast<char*>(b) + kHeaderBytes;
  b->next = nullptr;
  for (size_t w = 0; w < kBitmapWords; ++w) {
    b->alloc_bits[w] = ~valid_bits(b, w);
    b->mark_bits[w] = 0;
  }
  CT_GC_POISON(b->cells, kBlockSize - kHeaderBytes);
  blocks_.push_back(b);
  stats_.blocks_in_use++;
  ClassState& c = classes_[cls];
  c.block = b;
  c.word = 0;
  return true;
}

HeapBlock* Heap::take_block() {
  if (!cache_.empty()) {
    HeapBlock* b = cache_.back();
    cache_.pop_back();
    stats_.blocks_cached--;
    return b;
  }
  HeapBlock* b = map_block();
  if (b != nullptr) stats_.blocks_mapped_total++;
  return b;
}

void Heap::release_block(HeapBlock* b) {
  stats_.blocks_in_use--;
  cache_.push_back(b);
  stats_.blocks_cached++;
}

// Unmaps cached blocks beyond the first [keep].
void Heap::trim_cache(size_t keep) {
  while (cache_.size() > keep) {
    unmap_block(cache_.back());
    cache_.pop_back();
    stats_.blocks_cached--;
    stats_.blocks_unmapped_total++;
  }
}

// -- Collection ---------------------------------------------------------------

size_t Heap::collect(Vm& vm) {
  if (collecting_) return 0;
  collecting_ = true;
  return_free_bits();
  if (++epoch_ == 0) {  // wrapped: an old mark could equal the new epoch
    clear_marks();
    epoch_ = 1;
  }
  Tracer tracer(epoch_);
  vm.trace_roots(tracer);
  tracer.drain();
  size_t live_bytes = 0;
  size_t freed = sweep_blocks(&live_bytes);
  freed += sweep_large(epoch_, &live_bytes);
  bytes_live_ = live_bytes;
  stats_.collections++;
  stats_.objects_freed_total += freed;
  bytes_since_gc_ = 0;
  threshold_ = std::max(kMinThreshold, (bytes_live_ - leaf_bytes(large_)) / 100 * kGrowthPercent);
  // Empty blocks beyond what the next cycle can allocate go back to the OS.
  trim_cache(threshold_ / kBlockSize);
  collecting_ = false;
  return freed;
}

// Gives the cells that each class claimed but has not handed out back to
// their block's alloc bitmap, so that the bitmaps describe exactly the
// allocated cells.
void Heap::return_free_bits() {
  for (ClassState& c : classes_) {
    if (c.free_bits == 0) continue;
    HeapBlock* b = c.block;
    size_t w = static_cast<size_t>(c.word_base - b->cells) / (64 * b->cell_size);
    b->alloc_bits[w] &= ~c.free_bits;
    c.free_bits = 0;
  }
}

// Frees unmarked cells (their alloc bits become the mark bits), releases
// blocks left without a live cell and queues the others that have free cells
// for allocation, in block order.
size_t Heap::sweep_blocks(size_t* live_bytes) {
  HeapBlock** tails[kSizeClasses];
  for (size_t cls = 0; cls < kSizeClasses; ++cls) {
    classes_[cls] = ClassState{};
    tails[cls] = &classes_[cls].partial;
  }
  size_t freed = 0;
  size_t kept = 0;
  for (HeapBlock* b : blocks_) {
    size_t live = 0;
    size_t nwords = bitmap_words(b);
    for (size_t w = 0; w < nwords; ++w) {
      uint64_t valid = valid_bits(b, w);
      uint64_t marks = b->mark_bits[w];
      uint64_t dead = b->alloc_bits[w] & valid & ~marks;
      live += static_cast<size_t>(std::popcount(marks));
      freed += static_cast<size_t>(std::popcount(dead));
      b->alloc_bits[w] = marks | ~valid;
      b->mark_bits[w] = 0;
      if ((stress_ || kAsan) && dead != 0) {
        for (; dead != 0; dead &= dead - 1) {
          char* cell = b->cells + (w * 64 + static_cast<size_t>(std::countr_zero(dead))) * b->cell_size;
          CT_GC_UNPOISON(cell, b->cell_size);
          if (stress_) std::memset(cell, kPoisonByte, b->cell_size);
          CT_GC_POISON(cell, b->cell_size);
        }
      }
    }
    if (live == 0) {
      release_block(b);
      continue;
    }
    *live_bytes += live * b->cell_size;
    blocks_[kept++] = b;
    if (live < b->ncells) {
      *tails[b->size_class] = b;
      tails[b->size_class] = &b->next;
    }
  }
  blocks_.resize(kept);
  for (size_t cls = 0; cls < kSizeClasses; ++cls) *tails[cls] = nullptr;
  return freed;
}

size_t Heap::sweep_large(uint32_t epoch, size_t* live_bytes) {
  size_t freed = 0;
  Obj** link = &large_;
  while (Obj* o = *link) {
    size_t size = cell_size(size_t{o->size8} * 8);
    if (o->gc_mark == epoch) {
      *live_bytes += size;
      link = &o->gc_next;
      continue;
    }
    *link = o->gc_next;
    free_large(o, size, stress_);
    stats_.large_objects--;
    ++freed;
  }
  return freed;
}

// Resets every object's mark (epoch wrap-around, once per 2^32 collections).
void Heap::clear_marks() {
  for (HeapBlock* b : blocks_) {
    for (size_t w = 0; w < bitmap_words(b); ++w)
      for (uint64_t bits = b->alloc_bits[w] & valid_bits(b, w); bits != 0; bits &= bits - 1) {
        size_t i = w * 64 + static_cast<size_t>(std::countr_zero(bits));
        reinterpret_cast<Obj*>(b->cells + i * b->cell_size)->gc_mark = 0;
      }
  }
  for (Obj* o = large_; o != nullptr; o = o->gc_next) o->gc_mark = 0;
}

void Heap::free_all() {
  for (HeapBlock* b : blocks_) unmap_block(b);
  stats_.blocks_unmapped_total += blocks_.size();
  blocks_.clear();
  stats_.blocks_in_use = 0;
  trim_cache(0);
  while (Obj* o = large_) {
    large_ = o->gc_next;
    free_large(o, cell_size(size_t{o->size8} * 8), false);
  }
  stats_.large_objects = 0;
  for (ClassState& c : classes_) c = ClassState{};
  bytes_live_ = 0;
}

}  // namespace contrail::runtime
