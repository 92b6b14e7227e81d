// runtime/gc.cpp -- Mark-sweep collection over the intrusive object list.
// Roots come from Vm::trace_roots(); children from each Klass::trace.
#include "runtime/gc.h"

#include <cstdlib>
#include <cstring>

#include "runtime/vm.h"

namespace contrail::runtime {

namespace {
constexpr unsigned char kPoisonByte = 0xdb;
constexpr size_t kMinThreshold = 8u << 20;
}  // namespace

void Tracer::drain() {
  while (!stack_.empty()) {
    Obj* o = stack_.back();
    stack_.pop_back();
    visit(o->klass);
    if (o->klass->trace != nullptr) o->klass->trace(o, *this);
  }
}

Heap::Heap() = default;
Heap::~Heap() { free_all(); }

Obj* Heap::allocate(Vm& vm, Klass* klass, size_t bytes) {
  size_t words = (bytes + 7) / 8;
  size_t rounded = words * 8;
  if (enabled_ && !collecting_ && (stress_ || bytes_since_gc_ + rounded > threshold_)) collect(vm);
  if (limit_ != 0 && bytes_live_ + rounded > limit_) {
    collect(vm);
    if (bytes_live_ + rounded > limit_) return nullptr;
  }
  void* mem = std::calloc(1, rounded);
  if (mem == nullptr) return nullptr;
  Obj* o = static_cast<Obj*>(mem);
  o->klass = klass;
  o->gc_mark = 0;
  o->size8 = static_cast<uint32_t>(words);
  o->gc_next = objects_;
  objects_ = o;
  bytes_live_ += rounded;
  bytes_since_gc_ += rounded;
  stats_.bytes_allocated_total += rounded;
  return o;
}

size_t Heap::collect(Vm& vm) {
  if (collecting_) return 0;
  collecting_ = true;
  epoch_ = epoch_ + 1 == 0 ? 1 : epoch_ + 1;
  Tracer tracer(epoch_);
  vm.trace_roots(tracer);
  tracer.drain();
  size_t freed = 0;
  sweep(epoch_, &freed);
  stats_.collections++;
  stats_.objects_freed_total += freed;
  bytes_since_gc_ = 0;
  threshold_ = bytes_live_ > kMinThreshold ? bytes_live_ : kMinThreshold;
  collecting_ = false;
  return freed;
}

void Heap::sweep(uint32_t epoch, size_t* freed) {
  Obj** link = &objects_;
  while (Obj* o = *link) {
    if (o->gc_mark == epoch) {
      link = &o->gc_next;
      continue;
    }
    *link = o->gc_next;
    size_t bytes = size_t{o->size8} * 8;
    bytes_live_ -= bytes;
    if (stress_) std::memset(static_cast<void*>(o), kPoisonByte, bytes);
    std::free(o);
    ++*freed;
  }
}

void Heap::free_all() {
  while (Obj* o = objects_) {
    objects_ = o->gc_next;
    std::free(o);
  }
  bytes_live_ = 0;
}

}  // namespace contrail::runtime
