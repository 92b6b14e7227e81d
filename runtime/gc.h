// runtime/gc.h -- The garbage collector (v1): precise, non-moving mark-sweep.
// Every heap object is allocated here and linked into one intrusive list;
// a collection marks from the roots (Vm::trace_roots) with an explicit mark
// stack (no recursion, so deep structures cannot overflow the C stack) and
// sweeps everything unmarked.
// Invariants:
//  - allocate() may collect before it returns: every reference a C++ caller
//    still needs must be reachable from a root (Root<T>, the VM stack, ...).
//  - Under stress mode every allocation collects and freed memory is poisoned
//    (0xdb), so a missing root turns into a crash or a wrong answer in tests.
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
  uint64_t bytes_allocated_total = 0;
  uint64_t objects_freed_total = 0;
};

class Heap {
 public:
  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates [bytes] (>= sizeof(Obj)) zeroed, with klass set. May collect
  // first. Returns null only when the heap limit is exceeded (caller raises
  // MemoryError through Vm::alloc).
  Obj* allocate(Vm& vm, Klass* klass, size_t bytes);
  // Runs a full collection now; returns the number of objects freed.
  size_t collect(Vm& vm);

  void set_stress(bool on) { stress_ = on; }
  bool stress() const { return stress_; }
  void set_enabled(bool on) { enabled_ = on; }
  bool enabled() const { return enabled_; }
  void set_limit(size_t bytes) { limit_ = bytes; }
  size_t bytes_live() const { return bytes_live_; }
  const HeapStats& stats() const { return stats_; }
  // Frees every object (VM teardown).
  void free_all();

 private:
  void sweep(uint32_t epoch, size_t* freed);

  Obj* objects_ = nullptr;
  size_t bytes_live_ = 0;
  size_t bytes_since_gc_ = 0;
  size_t threshold_ = 8u << 20;
  size_t limit_ = 0;  // 0: unlimited
  uint32_t epoch_ = 1;
  bool stress_ = false;
  bool enabled_ = true;
  bool collecting_ = false;
  HeapStats stats_;
};

}  // namespace contrail::runtime
