// jit/mcode.cpp -- Code memory: one reserved mmap region, filled bottom-up with
// 16-byte-aligned blocks of machine code (trampolines first, then traces).
// Invariants:
//  - W^X: a page is PROT_NONE (never used, or forgotten by reset), PROT_READ|
//    PROT_WRITE only between the two mprotect calls around one memcpy, and
//    PROT_READ|PROT_EXEC otherwise. No mapping is ever writable and executable,
//    not even for one instruction. Toggling a page that already holds live
//    code to RW is safe because the VM is single-threaded and never writes
//    code from code memory itself (the writer is C++ in .text).
//  - [base_, base_ + used_) is committed code; pages wholly above used_ are
//    PROT_NONE and hold no data (reset() gives them back with MADV_DONTNEED).
//  - The region is at most 2 GiB, so any two addresses in it are rel32-reachable.
// Depends on the C library and runtime/vm.h (internal_error) only.
#include "jit/mcode.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

#include "runtime/vm.h"

namespace contrail::jit {

namespace {

constexpr size_t kAlign = 16;
constexpr size_t kMaxCapacity = size_t{1} << 31;
constexpr uint8_t kInt3 = 0xCC;

size_t page_size() {
  static const size_t size = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return size;
}
size_t page_floor(size_t n) { return n & ~(page_size() - 1); }
size_t page_ceil(size_t n) { return page_floor(n + page_size() - 1); }
size_t align_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

}  // namespace

CodeMemory::CodeMemory(size_t capacity_bytes) {
  size_t cap = page_ceil(capacity_bytes < kMaxCapacity ? capacity_bytes : kMaxCapacity);
  if (cap == 0) return;
  void* p = mmap(nullptr, cap, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return;  // capacity 0: every commit fails, the JIT stays off
  base_ = static_cast<uint8_t*>(p);
  capacity_ = cap;
}

CodeMemory::~CodeMemory() {
  if (base_ != nullptr) munmap(base_, capacity_);
}

// Changes the protection of every page touching [from, to). Failure would
// leave code unexecutable (or a block unwritten), so it is fatal.
void CodeMemory::protect(size_t from, size_t to, int prot) {
  if (from >= to) return;
  size_t lo = page_floor(from), hi = page_ceil(to);
  if (mprotect(base_ + lo, hi - lo, prot) != 0)
    runtime::internal_error(__FILE__, __LINE__, "mprotect of code memory failed");
}

uint8_t* CodeMemory::next(size_t size) const {
  size_t at = align_up(used_);
  if (base_ == nullptr || at > capacity_ || size > capacity_ - at) return nullptr;
  return base_ + at;
}

uint8_t* CodeMemory::commit(const void* bytes, size_t size) {
  uint8_t* at = next(size);
  if (at == nullptr) return nullptr;
  size_t from = static_cast<size_t>(at - base_);
  // The first page may hold earlier code: it goes RW -> RX with the rest.
  protect(from, from + size, PROT_READ | PROT_WRITE);
  std::memcpy(at, bytes, size);
  protect(from, from + size, PROT_READ | PROT_EXEC);
  used_ = from + size;
  return at;
}

void CodeMemory::patch(uint8_t* at, const void* bytes, size_t size) {
  CT_ASSERT(at >= base_ && size <= used_ && static_cast<size_t>(at - base_) <= used_ - size);
  size_t from = static_cast<size_t>(at - base_);
  protect(from, from + size, PROT_READ | PROT_WRITE);
  std::memcpy(at, bytes, size);
  protect(from, from + size, PROT_READ | PROT_EXEC);
}

void CodeMemory::reset(size_t keep) {
  if (keep >= used_) return;
  size_t cut = page_ceil(keep), end = page_ceil(used_);
  if (cut > keep) {
    // The page shared with kept code stays RX; fill its forgotten tail with
    // int3 so a stale jump into flushed code traps instead of running it.
    size_t tail_end = cut < used_ ? cut : used_;
    protect(keep, tail_end, PROT_READ | PROT_WRITE);
    std::memset(base_ + keep, kInt3, tail_end - keep);
    protect(keep, tail_end, PROT_READ | PROT_EXEC);
  }
  if (end > cut) {
    madvise(base_ + cut, end - cut, MADV_DONTNEED);
    protect(cut, end, PROT_NONE);
  }
  used_ = keep;
}

bool CodeMemory::contains(const void* p) const {
  auto* q = static_cast<const uint8_t*>(p);
  return base_ != nullptr && q >= base_ && q < base_ + used_;
}

}  // namespace contrail::jit
