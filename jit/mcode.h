// jit/mcode.h -- Code memory: one reserved mmap region that holds the
// trampolines and every trace's machine code.
// Invariants:
//  - No page of the region is ever writable and executable at once: pages are
//    PROT_NONE until used, PROT_READ|PROT_WRITE while being written or patched,
//    and PROT_READ|PROT_EXEC otherwise.
//  - Code is placed at increasing 16-byte-aligned addresses; everything in the
//    region is within rel32 reach of everything else.
#pragma once

#include <cstddef>
#include <cstdint>

namespace contrail::jit {

class CodeMemory {
 public:
  explicit CodeMemory(size_t capacity_bytes);
  ~CodeMemory();
  CodeMemory(const CodeMemory&) = delete;
  CodeMemory& operator=(const CodeMemory&) = delete;

  // The address the next block of [size] bytes will be placed at (so an
  // assembler can relocate to it), or null when it would not fit.
  uint8_t* next(size_t size) const;
  // Copies [size] bytes to next(size) (write, then read+execute) and returns
  // that address; null when the region is full.
  uint8_t* commit(const void* bytes, size_t size);
  // Overwrites [size] bytes of already committed code at [at] (a jump patch).
  void patch(uint8_t* at, const void* bytes, size_t size);
  // Forgets every block committed after the first [keep] bytes (trace flush);
  // the forgotten pages become PROT_NONE again.
  void reset(size_t keep);

  // Bytes in use (committed code and alignment padding).
  size_t used() const { return used_; }
  // The reserved size (the constructor's [capacity_bytes] rounded up to pages;
  // 0 when the reservation failed).
  size_t capacity() const { return capacity_; }
  // True when [p] lies in committed code, [base, base + used()).
  bool contains(const void* p) const;

 private:
  void protect(size_t from, size_t to, int prot);
  uint8_t* base_ = nullptr;
  size_t capacity_ = 0;
  size_t used_ = 0;
};

}  // namespace contrail::jit
