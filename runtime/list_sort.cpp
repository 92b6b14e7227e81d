// runtime/list_sort.cpp -- list.sort(*, key=None, reverse=False): a stable merge sort.
// Invariants:
//  - While sorting, the list is detached (size 0, no array) and its items live
//    in a rooted ValueArray; mutation during the sort is detected afterwards
//    ("list modified during sort") and discarded, as in CPython.
//  - Comparisons may run Python code and raise. Every write happens either as a
//    shift after all comparisons of an insertion step, or into a scratch
//    buffer copied back after a merge completes, so an exception always leaves
//    the items a permutation of the original list.
//  - reverse=True reverses, sorts stably, and reverses again (CPython's trick,
//    which keeps equal items in their original order).
// Fast paths compare all-small-int, all-float or all-str keys without the
// generic protocol.
#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr uint64_t kRun = 32;  // insertion-sorted run length before merging

// Keys to sort and, when a key function is used, the values moving with them.
struct SortArrays {
  Value* keys;
  Value* vals;   // null without a key function
  Value* tkeys;  // scratch buffers of the same length
  Value* tvals;
};

struct GenericLess {
  Vm& vm;
  // 1 when a < b, 0 when not, -1 on exception.
  int operator()(Value a, Value b) const {
    Value r = compare(vm, a, b, CmpOp::LT);
    if (r.is_exception()) return -1;
    if (r.is_bool()) return r.as_bool();
    RootValue keep(vm, r);
    return truthy(vm, r);
  }
};

struct IntLess {
  int operator()(Value a, Value b) const { return a.as_small_int() < b.as_small_int(); }
};

struct FloatLess {
  int operator()(Value a, Value b) const { return a.as_double() < b.as_double(); }
};

struct StrLess {
  int operator()(Value a, Value b) const { return a.as<Str>()->view() < b.as<Str>()->view(); }
};

// Binary insertion sort of [lo, hi); false on exception.
template <class Less>
bool insertion_sort(const SortArrays& s, uint64_t lo, uint64_t hi, const Less& less) {
  for (uint64_t i = lo + 1; i < hi; i++) {
    Value pivot = s.keys[i];  // stays in keys[i] (rooted) until the shift below
    uint64_t l = lo, r = i;
    while (l < r) {
      uint64_t m = l + (r - l) / 2;
      int c = less(pivot, s.keys[m]);
      if (c < 0) return false;
      if (c) {
        r = m;
      } else {
        l = m + 1;
      }
    }
    if (l == i) continue;
    std::memmove(s.keys + l + 1, s.keys + l, (i - l) * sizeof(Value));
    s.keys[l] = pivot;
    if (s.vals != nullptr) {
      Value v = s.vals[i];
      std::memmove(s.vals + l + 1, s.vals + l, (i - l) * sizeof(Value));
      s.vals[l] = v;
    }
  }
  return true;
}

// Merges the sorted runs [lo, mid) and [mid, hi) through the scratch buffers.
template <class Less>
bool merge(const SortArrays& s, uint64_t lo, uint64_t mid, uint64_t hi, const Less& less) {
  int c = less(s.keys[mid], s.keys[mid - 1]);
  if (c <= 0) return c == 0;  // already in order (or exception)
  uint64_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    c = less(s.keys[j], s.keys[i]);
    if (c < 0) return false;
    uint64_t from = c ? j++ : i++;
    s.tkeys[k] = s.keys[from];
    if (s.vals != nullptr) s.tvals[k] = s.vals[from];
    k++;
  }
  for (; i < mid; i++, k++) {
    s.tkeys[k] = s.keys[i];
    if (s.vals != nullptr) s.tvals[k] = s.vals[i];
  }
  for (; j < hi; j++, k++) {
    s.tkeys[k] = s.keys[j];
    if (s.vals != nullptr) s.tvals[k] = s.vals[j];
  }
  std::memcpy(s.keys + lo, s.tkeys + lo, (hi - lo) * sizeof(Value));
  if (s.vals != nullptr) std::memcpy(s.vals + lo, s.tvals + lo, (hi - lo) * sizeof(Value));
  return true;
}

// Bottom-up merge sort of [0, n).
template <class Less>
bool merge_sort(const SortArrays& s, uint64_t n, const Less& less) {
  for (uint64_t lo = 0; lo < n; lo += kRun) {
    if (!insertion_sort(s, lo, std::min(lo + kRun, n), less)) return false;
  }
  for (uint64_t width = kRun; width < n; width *= 2) {
    for (uint64_t lo = 0; lo + width < n; lo += 2 * width) {
      if (!merge(s, lo, lo + width, std::min(lo + 2 * width, n), less)) return false;
    }
  }
  return true;
}

enum class KeyKind { GENERIC, INT, FLOAT, STR };

KeyKind classify(Vm& vm, const Value* keys, uint64_t n) {
  if (n == 0) return KeyKind::GENERIC;
  bool ints = true, floats = true, strs = true;
  for (uint64_t i = 0; i < n; i++) {
    Value v = keys[i];
    ints = ints && v.is_small_int();
    floats = floats && v.is_double();
    strs = strs && v.is_obj() && v.as_obj()->klass == vm.types.str;
    if (!ints && !floats && !strs) return KeyKind::GENERIC;
  }
  return ints ? KeyKind::INT : floats ? KeyKind::FLOAT : KeyKind::STR;
}

bool sort_arrays(Vm& vm, const SortArrays& s, uint64_t n) {
  switch (classify(vm, s.keys, n)) {
    case KeyKind::INT: return merge_sort(s, n, IntLess{});
    case KeyKind::FLOAT: return merge_sort(s, n, FloatLess{});
    case KeyKind::STR: return merge_sort(s, n, StrLess{});
    case KeyKind::GENERIC: return merge_sort(s, n, GenericLess{vm});
  }
  return false;
}

void reverse_values(Value* a, uint64_t n) {
  if (a != nullptr) std::reverse(a, a + n);
}

// Sorts [items] (n values in a rooted array) in place; false on exception.
bool sort_items(Vm& vm, ValueArray* items, uint64_t n, Value key_fn, bool reverse) {
  Root<ValueArray> rkeys(vm, nullptr), tkeys(vm, nullptr), tvals(vm, nullptr);
  bool keyed = !key_fn.is_none();
  if (keyed) {
    rkeys.set(value_array_new(vm, n));
    if (rkeys.get() == nullptr) return false;
    for (uint64_t i = 0; i < n; i++) {
      Value k = call1(vm, key_fn, items->items[i]);
      if (k.is_exception()) return false;
      rkeys->items[i] = k;
    }
    tvals.set(value_array_new(vm, n));
    if (tvals.get() == nullptr) return false;
  }
  tkeys.set(value_array_new(vm, n));
  if (tkeys.get() == nullptr) return false;
  SortArrays s{keyed ? rkeys->items : items->items, keyed ? items->items : nullptr, tkeys->items,
               keyed ? tvals->items : nullptr};
  if (reverse) {
    reverse_values(s.keys, n);
    reverse_values(s.vals, n);
  }
  if (!sort_arrays(vm, s, n)) return false;
  if (reverse) {
    reverse_values(s.keys, n);
    reverse_values(s.vals, n);
  }
  return true;
}

// Parses sort's keyword-only arguments.
bool sort_options(Vm& vm, const CallArgs& args, Value* key_fn, bool* reverse) {
  if (args.positional.size() > 1) {
    raise(vm, vm.types.TypeError, "sort() takes no positional arguments");
    return false;
  }
  *key_fn = Value::none();
  *reverse = false;
  for (size_t i = 0; args.kwnames != nullptr && i < args.kwnames->size; i++) {
    std::string_view name = args.kwnames->items[i].template as<Str>()->view();
    Value v = args.kwvalues[i];
    if (name == "key") {
      *key_fn = v;
    } else if (name == "reverse") {
      if (!v.is_small_int() && !v.is_bool()) {
        int64_t dummy;
        if (!index_value(vm, v, &dummy, "sort")) {
          vm.pending = Value::null();
          raise(vm, vm.types.TypeError,
                "'" + std::string(type_name(vm, v)) + "' object cannot be interpreted as an integer");
          return false;
        }
      }
      int t = truthy(vm, v);
      if (t < 0) return false;
      *reverse = t != 0;
    } else {
      raise(vm, vm.types.TypeError, "'" + std::string(name) + "' is an invalid keyword argument for sort()");
      return false;
    }
  }
  return true;
}

}  // namespace

// list.sort(*, key=None, reverse=False); positional[0] is the list.
Value list_sort_method(Vm& vm, const CallArgs& args) {
  if (args.positional.empty() || type_of(vm, args.positional[0])->kind != TypeKind::LIST) {
    return raise(vm, vm.types.TypeError, "descriptor 'sort' for 'list' objects doesn't apply to this object");
  }
  Value key_fn;
  bool reverse;
  if (!sort_options(vm, args, &key_fn, &reverse)) return Value::exception();
  Root<List> list(vm, args.positional[0].as<List>());
  if (!list_to_values(vm, list)) return Value::exception();
  uint64_t n = list->size;
  if (n < 2 && key_fn.is_none()) return Value::none();
  Root<ValueArray> items(vm, list->array);
  list->array = nullptr;
  list->size = 0;
  bool ok = items.get() == nullptr || sort_items(vm, items, n, key_fn, reverse);
  bool modified = list->array != nullptr || list->size != 0;
  list->array = items;
  list->size = n;
  if (!ok) return Value::exception();
  if (modified) return raise(vm, vm.types.ValueError, "list modified during sort");
  return Value::none();
}

}  // namespace contrail::runtime
