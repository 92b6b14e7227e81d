// runtime/obj_set.cpp -- set, frozenset and set_iterator, following CPython's
// Objects/setobject.c step by step so that iteration order is CPython's.
// Invariants (see runtime/obj_set.h for the table layout):
//  - Probing: start at hash & mask, look at up to LINEAR_PROBES (9) following
//    slots when they fit before the end of the table, then jump with
//    perturb >>= 5; i = (i * 5 + 1 + perturb) & mask.
//  - Insertion reuses the last dummy met on the probe path (3.11 keeps the
//    last, not the first), else takes the empty slot that ended the probe.
//    Filling an empty slot so that fill * 5 >= mask * 3 rebuilds the table for
//    used*4 (used*2 past 50000) entries: the smallest power of two > that, >= 8.
//  - Comparing keys may run Python code that mutates the set: a probe
//    restarts when the table or the compared slot changed (the old table is
//    rooted meanwhile, so it cannot be freed and reused at the same address).
//  - Bulk operations iterate with set_next(), which rereads the table on
//    every step, and root every key they hold across a call that can allocate.
#include "runtime/obj_set.h"

#include <string>
#include <utility>

#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_func.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr uint64_t kMinSize = 8;
constexpr uint64_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr uint64_t kMaxSize = uint64_t{1} << 40;

// lookkey results besides a slot index.
constexpr int64_t kNotFound = -1;
constexpr int64_t kError = -2;
constexpr int64_t kRestart = -3;

struct SetIter : Obj {
  Value set;      // NULL once exhausted
  int64_t used;   // set size at creation (-1 after a size change was seen)
  uint64_t pos;   // next slot to look at
};

Set* as_set(Value v) { return v.as<Set>(); }
bool is_frozen(Vm& vm, Value v) { return klass_is_subclass(v.as_obj()->klass, vm.types.frozenset); }
// The type of results computed from [so] (CPython's make_new_set_basetype).
Klass* result_klass(Vm& vm, Value so) { return is_frozen(vm, so) ? vm.types.frozenset : vm.types.set; }

// -- Table ---------------------------------------------------------------------

RawArray* table_new(Vm& vm, uint64_t nslots) {
  if (nslots > kMaxSize) {
    raise_value(vm, vm.memory_error);
    return nullptr;
  }
  RawArray* t = raw_array_new(vm, nslots * sizeof(SetEntry));
  if (t == nullptr) return nullptr;
  SetEntry* e = t->as<SetEntry>();
  for (uint64_t i = 0; i < nslots; i++) e[i] = SetEntry{Value::null(), 0};
  return t;
}

void set_trace(Obj* self, Tracer& tracer) {
  Set* s = static_cast<Set*>(self);
  tracer.visit(s->attrs);
  if (s->table == nullptr) return;
  tracer.visit(s->table);
  SetEntry* e = s->entries();
  for (uint64_t i = 0; i <= s->mask; i++) tracer.visit(e[i].key);
}

Value alloc_set(Vm& vm, Klass* k) {
  Set* s = vm.alloc<Set>(k);
  if (s == nullptr) return Value::exception();
  s->mask = kMinSize - 1;
  s->hash = -1;
  Root<Set> rs(vm, s);
  RawArray* t = table_new(vm, kMinSize);
  if (t == nullptr) return Value::exception();
  rs->table = t;
  return Value::object(rs.get());
}

// Places a key known to be absent into a table without dummies (no compares).
void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    if (table[i].key.is_null()) break;
    if (i + kLinearProbes <= mask) {
      uint64_t j = i + 1;
      for (; j <= i + kLinearProbes && !table[j].key.is_null(); j++) {
      }
      if (j <= i + kLinearProbes) {
        i = j;
        break;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i] = SetEntry{key, hash};
}

// Rebuilds [s]'s table with the smallest power-of-two size > [minused],
// dropping dummies (CPython's set_table_resize).
bool resize(Vm& vm, Set* s, int64_t minused) {
  uint64_t size = kMinSize;
  while (size <= static_cast<uint64_t>(minused)) size <<= 1;
  Root<Set> rs(vm, s);
  RawArray* fresh = table_new(vm, size);
  if (fresh == nullptr) return false;
  s = rs;
  SetEntry* old = s->entries();
  SetEntry* dst = fresh->as<SetEntry>();
  for (uint64_t i = 0; i <= s->mask; i++) {
    if (!old[i].key.is_null()) insert_clean(dst, size - 1, old[i].key, old[i].hash);
  }
  s->table = fresh;
  s->mask = size - 1;
  s->fill = s->used;
  return true;
}

// Compares live slot [j] of [s] (whose hash equals the key's) with [key]:
// 1 equal, 0 not equal, -1 error, kRestart when the compare mutated the set.
int64_t match(Vm& vm, Set* s, uint64_t j, Value key) {
  Value start = s->entries()[j].key;
  if (start == key) return 1;
  if (start.is_small_int() && key.is_small_int()) return 0;
  if (start.is_obj() && key.is_obj() && start.as_obj()->klass == vm.types.str &&
      key.as_obj()->klass == vm.types.str) {
    return str_equal(start.as<Str>(), key.as<Str>()) ? 1 : 0;
  }
  RawArray* table = s->table;
  RootValue keep_table(vm, Value::object(table)), keep_start(vm, start);
  int cmp = equals(vm, start, key);
  if (cmp < 0) return -1;
  if (table != s->table || s->entries()[j].key != start) return kRestart;
  return cmp;
}

// One probe for [key]: its slot index, kNotFound, kError or kRestart.
int64_t lookkey_once(Vm& vm, Set* s, Value key, int64_t hash) {
  uint64_t mask = s->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (uint64_t j = i; j <= i + probes; j++) {
      SetEntry e = s->entries()[j];
      if (e.key.is_null()) {
        if (e.hash == 0) return kNotFound;
      } else if (e.hash == hash) {
        int64_t r = match(vm, s, j, key);
        if (r == 1) return static_cast<int64_t>(j);
        if (r == -1) return kError;
        if (r == kRestart) return kRestart;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// [s] and [key] are rooted by the caller.
int64_t lookkey(Vm& vm, Set* s, Value key, int64_t hash) {
  for (;;) {
    int64_t r = lookkey_once(vm, s, key, hash);
    if (r != kRestart) return r;
  }
}

// Stores [key] in empty slot [j], or in the dummy [freeslot] when one was met.
bool store_new(Vm& vm, Set* s, uint64_t j, int64_t freeslot, Value key, int64_t hash) {
  SetEntry* e = s->entries();
  s->used++;
  if (freeslot >= 0) {
    e[freeslot] = SetEntry{key, hash};
    return true;
  }
  e[j] = SetEntry{key, hash};
  s->fill++;
  if (static_cast<uint64_t>(s->fill) * 5 < s->mask * 3) return true;
  return resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// One insertion attempt: 1 done, 0 error, kRestart.
int64_t add_once(Vm& vm, Set* s, Value key, int64_t hash) {
  uint64_t mask = s->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  int64_t freeslot = -1;
  for (;;) {
    uint64_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (uint64_t j = i; j <= i + probes; j++) {
      SetEntry e = s->entries()[j];
      if (e.key.is_null()) {
        if (e.hash == 0) return store_new(vm, s, j, freeslot, key, hash) ? 1 : 0;
        freeslot = static_cast<int64_t>(j);  // CPython 3.11 keeps the last dummy seen
      } else if (e.hash == hash) {
        int64_t r = match(vm, s, j, key);
        if (r == 1) return 1;
        if (r == -1) return 0;
        if (r == kRestart) return kRestart;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Adds [key] with its [hash]; [s] and [key] rooted by the caller.
bool add_entry(Vm& vm, Set* s, Value key, int64_t hash) {
  for (;;) {
    int64_t r = add_once(vm, s, key, hash);
    if (r != kRestart) return r == 1;
  }
}

bool add_key(Vm& vm, Set* s, Value key) {
  int64_t hash;
  if (!hash_value(vm, key, &hash)) return false;
  return add_entry(vm, s, key, hash);
}

int contains_entry(Vm& vm, Set* s, Value key, int64_t hash) {
  int64_t r = lookkey(vm, s, key, hash);
  if (r == kError) return -1;
  return r >= 0 ? 1 : 0;
}

// 1 removed, 0 absent, -1 error.
int discard_entry(Vm& vm, Set* s, Value key, int64_t hash) {
  int64_t r = lookkey(vm, s, key, hash);
  if (r == kError) return -1;
  if (r == kNotFound) return 0;
  s->entries()[r] = SetEntry{Value::null(), -1};
  s->used--;
  return 1;
}

int contains_key(Vm& vm, Set* s, Value key) {
  int64_t hash;
  if (!hash_value(vm, key, &hash)) return -1;
  return contains_entry(vm, s, key, hash);
}

int discard_key(Vm& vm, Set* s, Value key) {
  int64_t hash;
  if (!hash_value(vm, key, &hash)) return -1;
  return discard_entry(vm, s, key, hash);
}

// Like set_next, also returning the stored hash.
bool next_entry(Set* s, uint64_t* pos, Value* key, int64_t* hash) {
  SetEntry* e = s->entries();
  uint64_t i = *pos;
  while (i <= s->mask && e[i].key.is_null()) i++;
  *pos = i + 1;
  if (i > s->mask) return false;
  *key = e[i].key;
  *hash = e[i].hash;
  return true;
}

bool clear_internal(Vm& vm, Set* s) {
  Root<Set> rs(vm, s);
  RawArray* t = table_new(vm, kMinSize);
  if (t == nullptr) return false;
  rs->table = t;
  rs->mask = kMinSize - 1;
  rs->fill = 0;
  rs->used = 0;
  rs->hash = -1;
  return true;
}

// Exchanges the contents of [a] and [b] (CPython's set_swap_bodies).
void swap_bodies(Vm& vm, Set* a, Set* b) {
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap(a->table, b->table);
  bool both_frozen = is_frozen(vm, Value::object(a)) && is_frozen(vm, Value::object(b));
  if (both_frozen) {
    std::swap(a->hash, b->hash);
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

// -- Update --------------------------------------------------------------------

// so |= other for another set (CPython's set_merge, fast paths included).
bool merge_set(Vm& vm, Set* so, Set* other) {
  if (other == so || other->used == 0) return true;
  Root<Set> rs(vm, so), ro(vm, other);
  if (static_cast<uint64_t>(so->fill + other->used) * 5 >= so->mask * 3) {
    if (!resize(vm, so, (so->used + other->used) * 2)) return false;
  }
  so = rs;
  other = ro;
  SetEntry* dst = so->entries();
  SetEntry* src = other->entries();
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (uint64_t i = 0; i <= other->mask; i++) {
      if (!src[i].key.is_null()) dst[i] = src[i];
    }
    so->fill = other->fill;
    so->used = other->used;
    return true;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (uint64_t i = 0; i <= other->mask; i++) {
      if (!src[i].key.is_null()) insert_clean(dst, so->mask, src[i].key, src[i].hash);
    }
    return true;
  }
  uint64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(ro, &pos, &key, &hash)) {
    RootValue rk(vm, key);
    if (!add_entry(vm, rs, key, hash)) return false;
  }
  return true;
}

bool merge_dict(Vm& vm, Set* so, Dict* d) {
  Root<Set> rs(vm, so);
  Root<Dict> rd(vm, d);
  int64_t n = static_cast<int64_t>(d->used);
  if (static_cast<uint64_t>(so->fill + n) * 5 >= so->mask * 3) {
    if (!resize(vm, so, (so->used + n) * 2)) return false;
  }
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(rd, &pos, &e)) {
    int64_t hash = e->hash;
    RootValue rk(vm, e->key);
    if (!add_entry(vm, rs, rk, hash)) return false;
  }
  return true;
}

bool merge_iterable(Vm& vm, Set* so, Value other) {
  Root<Set> rs(vm, so);
  RootValue it(vm, get_iter(vm, other));
  if (it.get().is_exception()) return false;
  for (;;) {
    Value x = iter_next(vm, it);
    if (x.is_exception()) return false;
    if (x.is_null()) return true;
    RootValue rx(vm, x);
    if (!add_key(vm, rs, x)) return false;
  }
}

// CPython's set_update_internal; [so] and [other] rooted by the caller.
bool update_internal(Vm& vm, Set* so, Value other) {
  if (is_anyset(other)) return merge_set(vm, so, as_set(other));
  if (other.is_obj() && other.as_obj()->klass == vm.types.dict) return merge_dict(vm, so, other.as<Dict>());
  return merge_iterable(vm, so, other);
}

// A new [k] holding the elements of [iterable] (NULL: empty).
Value make_new_set(Vm& vm, Klass* k, Value iterable) {
  RootValue rit(vm, iterable);
  RootValue r(vm, alloc_set(vm, k));
  CT_TRY(r.get());
  if (!iterable.is_null() && !update_internal(vm, as_set(r), rit)) return Value::exception();
  return r;
}

// A new set of [so]'s base type with its elements.
Value copy_of(Vm& vm, Value so) { return make_new_set(vm, result_klass(vm, so), so); }

// -- Algebra (each mirrors the CPython function of the same name) ---------------

Value intersection_of_sets(Vm& vm, Value result, Value so, Value other) {
  if (as_set(other)->used > as_set(so)->used) std::swap(so, other);
  uint64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(as_set(other), &pos, &key, &hash)) {
    RootValue rk(vm, key);
    int rv = contains_entry(vm, as_set(so), key, hash);
    if (rv < 0) return Value::exception();
    if (rv == 1 && !add_entry(vm, as_set(result), key, hash)) return Value::exception();
  }
  return result;
}

// [so] and [other] are rooted by the caller.
Value intersection(Vm& vm, Value so, Value other) {
  if (so == other) return copy_of(vm, so);
  RootValue result(vm, alloc_set(vm, result_klass(vm, so)));
  CT_TRY(result.get());
  if (is_anyset(other)) return intersection_of_sets(vm, result, so, other);
  RootValue it(vm, get_iter(vm, other));
  CT_TRY(it.get());
  for (;;) {
    Value key = iter_next(vm, it);
    CT_TRY(key);
    if (key.is_null()) break;
    RootValue rk(vm, key);
    int64_t hash;
    if (!hash_value(vm, key, &hash)) return Value::exception();
    int rv = contains_entry(vm, as_set(so), key, hash);
    if (rv < 0) return Value::exception();
    if (rv == 1) {
      if (!add_entry(vm, as_set(result), key, hash)) return Value::exception();
      if (as_set(result)->used >= as_set(so)->used) break;
    }
  }
  return result;
}

Value intersection_multi(Vm& vm, Value so, std::span<const Value> others) {
  if (others.empty()) return copy_of(vm, so);
  RootValue result(vm, so);
  for (Value other : others) {
    Value r = intersection(vm, result, other);
    CT_TRY(r);
    result.set(r);
  }
  return result;
}

// Replaces [so]'s contents by [tmp]'s (an intersection result).
Value take_body(Vm& vm, Value so, Value tmp) {
  CT_TRY(tmp);
  swap_bodies(vm, as_set(so), as_set(tmp));
  return Value::none();
}

bool difference_update_internal(Vm& vm, Value so, Value other) {
  if (so == other) return clear_internal(vm, as_set(so));
  if (is_anyset(other)) {
    RootValue src(vm, other);
    if ((as_set(other)->used >> 3) > as_set(so)->used) {
      src.set(intersection(vm, so, other));
      if (src.get().is_exception()) return false;
    }
    uint64_t pos = 0;
    Value key;
    int64_t hash;
    while (next_entry(as_set(src), &pos, &key, &hash)) {
      RootValue rk(vm, key);
      if (discard_entry(vm, as_set(so), key, hash) < 0) return false;
    }
  } else {
    RootValue it(vm, get_iter(vm, other));
    if (it.get().is_exception()) return false;
    for (;;) {
      Value key = iter_next(vm, it);
      if (key.is_exception()) return false;
      if (key.is_null()) break;
      RootValue rk(vm, key);
      if (discard_key(vm, as_set(so), key) < 0) return false;
    }
  }
  Set* s = as_set(so);
  if (static_cast<uint64_t>(s->fill - s->used) <= s->mask / 4) return true;
  return resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

Value copy_and_difference(Vm& vm, Value so, Value other) {
  RootValue result(vm, copy_of(vm, so));
  CT_TRY(result.get());
  if (!difference_update_internal(vm, result, other)) return Value::exception();
  return result;
}

// Adds each element of [so] that [in_other] says is absent from [other].
Value difference(Vm& vm, Value so, Value other) {
  bool other_is_dict = other.is_obj() && other.as_obj()->klass == vm.types.dict;
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = as_set(other)->used;
  } else if (other_is_dict) {
    other_size = static_cast<int64_t>(other.as<Dict>()->used);
  } else {
    return copy_and_difference(vm, so, other);
  }
  if ((as_set(so)->used >> 2) > other_size) return copy_and_difference(vm, so, other);
  RootValue result(vm, alloc_set(vm, result_klass(vm, so)));
  CT_TRY(result.get());
  uint64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(as_set(so), &pos, &key, &hash)) {
    RootValue rk(vm, key);
    int rv;
    if (other_is_dict) {
      Value v = dict_get(vm, other.as<Dict>(), key);
      CT_TRY(v);
      rv = v.is_null() ? 0 : 1;
    } else {
      rv = contains_entry(vm, as_set(other), key, hash);
      if (rv < 0) return Value::exception();
    }
    if (rv == 0 && !add_entry(vm, as_set(result), key, hash)) return Value::exception();
  }
  return result;
}

Value difference_multi(Vm& vm, Value so, std::span<const Value> others) {
  if (others.empty()) return copy_of(vm, so);
  RootValue result(vm, difference(vm, so, others[0]));
  CT_TRY(result.get());
  for (size_t i = 1; i < others.size(); i++) {
    if (!difference_update_internal(vm, result, others[i])) return Value::exception();
  }
  return result;
}

// Toggles [key] in [so]: removes it when present, adds it otherwise.
bool toggle(Vm& vm, Value so, Value key, int64_t hash) {
  RootValue rk(vm, key);
  int rv = discard_entry(vm, as_set(so), key, hash);
  if (rv < 0) return false;
  return rv == 1 || add_entry(vm, as_set(so), key, hash);
}

bool symmetric_difference_update(Vm& vm, Value so, Value other) {
  if (so == other) return clear_internal(vm, as_set(so));
  if (other.is_obj() && other.as_obj()->klass == vm.types.dict) {
    uint64_t pos = 0;
    DictEntry* e;
    while (dict_next(other.as<Dict>(), &pos, &e)) {
      if (!toggle(vm, so, e->key, e->hash)) return false;
    }
    return true;
  }
  RootValue src(vm, other);
  if (!is_anyset(other)) {
    src.set(make_new_set(vm, result_klass(vm, so), other));
    if (src.get().is_exception()) return false;
  }
  uint64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(as_set(src), &pos, &key, &hash)) {
    if (!toggle(vm, so, key, hash)) return false;
  }
  return true;
}

Value symmetric_difference(Vm& vm, Value so, Value other) {
  RootValue result(vm, make_new_set(vm, result_klass(vm, so), other));
  CT_TRY(result.get());
  if (!symmetric_difference_update(vm, result, so)) return Value::exception();
  return result;
}

Value union_multi(Vm& vm, Value so, std::span<const Value> others) {
  RootValue result(vm, copy_of(vm, so));
  CT_TRY(result.get());
  for (Value other : others) {
    if (other != so && !update_internal(vm, as_set(result), other)) return Value::exception();
  }
  return result;
}

// 1, 0, -1 (CPython's set_issubset).
int issubset(Vm& vm, Value so, Value other) {
  if (!is_anyset(other)) {
    Value tmp = intersection(vm, so, other);
    if (tmp.is_exception()) return -1;
    return as_set(tmp)->used == as_set(so)->used ? 1 : 0;
  }
  if (as_set(so)->used > as_set(other)->used) return 0;
  uint64_t pos = 0;
  Value key;
  int64_t hash;
  while (next_entry(as_set(so), &pos, &key, &hash)) {
    RootValue rk(vm, key);
    int rv = contains_entry(vm, as_set(other), key, hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int issuperset(Vm& vm, Value so, Value other) {
  if (is_anyset(other)) return issubset(vm, other, so);
  RootValue it(vm, get_iter(vm, other));
  if (it.get().is_exception()) return -1;
  for (;;) {
    Value key = iter_next(vm, it);
    if (key.is_exception()) return -1;
    if (key.is_null()) return 1;
    RootValue rk(vm, key);
    int rv = contains_key(vm, as_set(so), key);
    if (rv <= 0) return rv;
  }
}

int isdisjoint(Vm& vm, Value so, Value other) {
  if (so == other) return as_set(so)->used == 0 ? 1 : 0;
  if (is_anyset(other)) {
    if (as_set(other)->used > as_set(so)->used) std::swap(so, other);
    uint64_t pos = 0;
    Value key;
    int64_t hash;
    while (next_entry(as_set(other), &pos, &key, &hash)) {
      RootValue rk(vm, key);
      int rv = contains_entry(vm, as_set(so), key, hash);
      if (rv != 0) return rv < 0 ? -1 : 0;
    }
    return 1;
  }
  RootValue it(vm, get_iter(vm, other));
  if (it.get().is_exception()) return -1;
  for (;;) {
    Value key = iter_next(vm, it);
    if (key.is_exception()) return -1;
    if (key.is_null()) return 1;
    RootValue rk(vm, key);
    int rv = contains_key(vm, as_set(so), key);
    if (rv != 0) return rv < 0 ? -1 : 0;
  }
}

Value bool_or_error(int r) { return r < 0 ? Value::exception() : Value::boolean(r == 1); }

// Looks a key up for contains/discard/remove; a set key that cannot be hashed
// is retried as the equal frozenset (CPython's set_contains / set_discard).
int keyed(Vm& vm, Value so, Value key, bool discard) {
  int rv = discard ? discard_key(vm, as_set(so), key) : contains_key(vm, as_set(so), key);
  if (rv >= 0 || !is_anyset(key) || is_frozen(vm, key) || !is_instance(vm, vm.pending, vm.types.TypeError)) {
    return rv;
  }
  vm.pending = Value::null();
  RootValue rso(vm, so);
  RootValue tmp(vm, make_new_set(vm, vm.types.frozenset, key));
  if (tmp.get().is_exception()) return -1;
  return discard ? discard_key(vm, as_set(rso), tmp) : contains_key(vm, as_set(rso), tmp);
}

// -- Slots ---------------------------------------------------------------------


// The elements of [so] as a list (repr works on a snapshot, as CPython's does).
Value snapshot(Vm& vm, Value so) {
  RootValue rso(vm, so);
  RootValue l(vm, list_new(vm, static_cast<uint64_t>(as_set(so)->used)));
  CT_TRY(l.get());
  uint64_t pos = 0;
  Value key;
  while (set_next(as_set(rso), &pos, &key)) {
    if (!list_append(vm, l.get().as<List>(), key)) return Value::exception();
  }
  return l;
}

bool repr_items(Vm& vm, Value so, std::string& out) {
  RootValue keys(vm, snapshot(vm, so));
  if (keys.get().is_exception()) return false;
  List* l = keys.get().as<List>();
  for (uint64_t i = 0; i < l->size; i++) {
    if (i > 0) out += ", ";
    if (!repr_append(vm, out, keys.get().as<List>()->items()[i])) return false;
  }
  return true;
}

Value set_repr(Vm& vm, Value self) {
  Klass* k = self.as_obj()->klass;
  std::string name(k->name->view());
  if (repr_enter(vm, self.as_obj())) return str_new(vm, name + "(...)");
  std::string out;
  bool ok = true;
  if (as_set(self)->used == 0) {
    out = name + "()";
  } else {
    bool exact = k == vm.types.set;
    out = exact ? "{" : name + "({";
    ok = repr_items(vm, self, out);
    out += exact ? "}" : "})";
  }
  vm.repr_active.pop_back();
  if (!ok) return Value::exception();
  return str_new(vm, out);
}

bool set_len(Vm&, Value self, int64_t* out) {
  *out = as_set(self)->used;
  return true;
}

int set_truth(Vm&, Value self) { return as_set(self)->used != 0 ? 1 : 0; }

int set_contains_slot(Vm& vm, Value self, Value key) { return keyed(vm, self, key, false); }

// CPython's frozenset_hash: xor of shuffled slot hashes (order-independent).
uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

bool frozenset_hash(Vm&, Value self, int64_t* out) {
  Set* s = as_set(self);
  if (s->hash != -1) {
    *out = s->hash;
    return true;
  }
  uint64_t hash = 0;
  SetEntry* e = s->entries();
  for (uint64_t i = 0; i <= s->mask; i++) hash ^= shuffle_bits(static_cast<uint64_t>(e[i].hash));
  if ((s->mask + 1 - static_cast<uint64_t>(s->fill)) & 1) hash ^= shuffle_bits(0);
  if ((s->fill - s->used) & 1) hash ^= shuffle_bits(static_cast<uint64_t>(-1));
  hash ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ull;
  s->hash = static_cast<int64_t>(hash);
  *out = s->hash;
  return true;
}

Value set_richcompare(Vm& vm, Value a, Value b, uint8_t raw_op) {
  if (!is_anyset(b)) return vm.singleton_not_implemented;
  Set* v = as_set(a);
  Set* w = as_set(b);
  switch (static_cast<CmpOp>(raw_op)) {
    case CmpOp::EQ:
    case CmpOp::NE: {
      bool eq_op = static_cast<CmpOp>(raw_op) == CmpOp::EQ;
      if (v->used != w->used || (v->hash != -1 && w->hash != -1 && v->hash != w->hash)) {
        return Value::boolean(!eq_op);
      }
      int r = issubset(vm, a, b);
      if (r < 0) return Value::exception();
      return Value::boolean((r == 1) == eq_op);
    }
    case CmpOp::LE: return bool_or_error(issubset(vm, a, b));
    case CmpOp::GE: return bool_or_error(issuperset(vm, a, b));
    case CmpOp::LT:
      if (v->used >= w->used) return Value::boolean(false);
      return bool_or_error(issubset(vm, a, b));
    case CmpOp::GT:
      if (v->used <= w->used) return Value::boolean(false);
      return bool_or_error(issuperset(vm, a, b));
  }
  return vm.singleton_not_implemented;
}

// a | b, a & b, a - b, a ^ b and the in-place forms (sets only; a frozenset
// left operand gets a new frozenset).
Value set_binary(Vm& vm, Value a, Value b, uint8_t raw_op) {
  auto op = static_cast<BinOp>(raw_op);
  bool inplace = raw_op >= kBinOpInplaceOffset;
  if (inplace) op = static_cast<BinOp>(raw_op - kBinOpInplaceOffset);
  if (op != BinOp::OR && op != BinOp::AND && op != BinOp::SUB && op != BinOp::XOR) {
    return vm.singleton_not_implemented;
  }
  if (!is_anyset(a) || !is_anyset(b)) return vm.singleton_not_implemented;
  if (inplace && !is_frozen(vm, a)) {
    bool ok = true;
    switch (op) {
      case BinOp::OR: ok = update_internal(vm, as_set(a), b); break;
      case BinOp::AND: ok = !take_body(vm, a, intersection(vm, a, b)).is_exception(); break;
      case BinOp::SUB: ok = difference_update_internal(vm, a, b); break;
      default: ok = symmetric_difference_update(vm, a, b); break;
    }
    return ok ? a : Value::exception();
  }
  switch (op) {
    case BinOp::OR: return union_multi(vm, a, std::span<const Value>(&b, 1));
    case BinOp::AND: return intersection(vm, a, b);
    case BinOp::SUB: return difference(vm, a, b);
    default: return symmetric_difference(vm, a, b);
  }
}

// -- Iterator ------------------------------------------------------------------

void set_iter_trace(Obj* self, Tracer& tracer) { tracer.visit(static_cast<SetIter*>(self)->set); }

Value set_iter(Vm& vm, Value self) {
  RootValue rs(vm, self);
  auto* it = vm.alloc<SetIter>(vm.types.set_iterator);
  if (it == nullptr) return Value::exception();
  it->set = rs;
  it->used = as_set(rs)->used;
  it->pos = 0;
  return Value::object(it);
}

Value set_iter_next(Vm& vm, Value self) {
  SetIter* it = self.as<SetIter>();
  if (it->set.is_null()) return Value::null();
  Set* s = as_set(it->set);
  if (it->used != s->used) {
    it->used = -1;  // sticky, as in CPython
    return raise(vm, vm.types.RuntimeError, "Set changed size during iteration");
  }
  Value key;
  if (set_next(s, &it->pos, &key)) return key;
  it->set = Value::null();
  return Value::null();
}

Value iter_self(Vm&, Value self) { return self; }

Value m_iter_next(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "set_iterator.__next__", 1, 1)) return Value::exception();
  Value v = set_iter_next(vm, args.positional[0]);
  if (!v.is_null()) return v;
  Value empty = tuple_new(vm, 0);
  CT_TRY(empty);
  Value exc = exception_with_args(vm, vm.types.StopIteration, empty);
  CT_TRY(exc);
  return raise_value(vm, exc);
}

Value m_iter_iter(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "set_iterator.__iter__", 1, 1)) return Value::exception();
  return args.positional[0];
}

Value m_length_hint(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "set_iterator.__length_hint__", 1, 1)) return Value::exception();
  SetIter* it = args.positional[0].as<SetIter>();
  if (it->set.is_null() || it->used != as_set(it->set)->used) return Value::small_int(0);
  // Remaining live entries at or after pos (CPython keeps a counter; same value).
  Set* s = as_set(it->set);
  int64_t n = 0;
  for (uint64_t i = it->pos; i <= s->mask; i++) n += s->entries()[i].key.is_null() ? 0 : 1;
  return Value::small_int(n);
}

// -- Methods -------------------------------------------------------------------

// Checks self (an instance of set, or of frozenset when [F]) and the argument
// count (excluding self); messages as CPython's method descriptors.
template <bool F>
bool method_args(Vm& vm, const CallArgs& args, const char* name, int min, int max) {
  const char* tname = F ? "frozenset" : "set";
  if (args.positional.empty()) {
    raise(vm, vm.types.TypeError, std::string("unbound method ") + tname + "." + name + "() needs an argument");
    return false;
  }
  if (!is_instance(vm, args.positional[0], F ? vm.types.frozenset : vm.types.set)) {
    raise(vm, vm.types.TypeError,
          std::string("descriptor '") + name + "' for '" + tname + "' objects doesn't apply to a '" +
              std::string(type_name(vm, args.positional[0])) + "' object");
    return false;
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  std::string fname = std::string(tname) + "." + name;
  return check_args(vm, rest, fname.c_str(), min, max);
}

Value self_of(const CallArgs& args) { return args.positional[0]; }
std::span<const Value> rest_of(const CallArgs& args) { return args.positional.subspan(1); }

Value m_add(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "add", 1, 1)) return Value::exception();
  if (!add_key(vm, as_set(self_of(args)), args.positional[1])) return Value::exception();
  return Value::none();
}

Value m_discard(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "discard", 1, 1)) return Value::exception();
  if (keyed(vm, self_of(args), args.positional[1], true) < 0) return Value::exception();
  return Value::none();
}

Value m_remove(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "remove", 1, 1)) return Value::exception();
  int rv = keyed(vm, self_of(args), args.positional[1], true);
  if (rv < 0) return Value::exception();
  if (rv == 0) return raise_key_error(vm, args.positional[1]);
  return Value::none();
}

Value m_pop(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "pop", 0, 0)) return Value::exception();
  Set* s = as_set(self_of(args));
  if (s->used == 0) return raise(vm, vm.types.KeyError, "pop from an empty set");
  SetEntry* e = s->entries();
  uint64_t i = s->finger & s->mask;
  while (e[i].key.is_null()) i = i == s->mask ? 0 : i + 1;
  Value key = e[i].key;
  e[i] = SetEntry{Value::null(), -1};
  s->used--;
  s->finger = i + 1;
  return key;
}

Value m_clear(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "clear", 0, 0)) return Value::exception();
  if (!clear_internal(vm, as_set(self_of(args)))) return Value::exception();
  return Value::none();
}

Value m_update(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "update", 0, -1)) return Value::exception();
  for (Value other : rest_of(args)) {
    if (!update_internal(vm, as_set(self_of(args)), other)) return Value::exception();
  }
  return Value::none();
}

Value m_intersection_update(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "intersection_update", 0, -1)) return Value::exception();
  return take_body(vm, self_of(args), intersection_multi(vm, self_of(args), rest_of(args)));
}

Value m_difference_update(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "difference_update", 0, -1)) return Value::exception();
  for (Value other : rest_of(args)) {
    if (!difference_update_internal(vm, self_of(args), other)) return Value::exception();
  }
  return Value::none();
}

Value m_symmetric_difference_update(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "symmetric_difference_update", 1, 1)) return Value::exception();
  if (!symmetric_difference_update(vm, self_of(args), args.positional[1])) return Value::exception();
  return Value::none();
}

// set.__init__(iterable=()): clears, then adds the iterable's elements.
Value m_init(Vm& vm, const CallArgs& args) {
  if (!method_args<false>(vm, args, "__init__", 0, 1)) return Value::exception();
  if (!clear_internal(vm, as_set(self_of(args)))) return Value::exception();
  if (args.positional.size() == 2 && !update_internal(vm, as_set(self_of(args)), args.positional[1])) {
    return Value::exception();
  }
  return Value::none();
}

template <bool F>
Value m_copy(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "copy", 0, 0)) return Value::exception();
  if (F && self_of(args).as_obj()->klass == vm.types.frozenset) return self_of(args);
  return copy_of(vm, self_of(args));
}

template <bool F>
Value m_union(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "union", 0, -1)) return Value::exception();
  return union_multi(vm, self_of(args), rest_of(args));
}

template <bool F>
Value m_intersection(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "intersection", 0, -1)) return Value::exception();
  return intersection_multi(vm, self_of(args), rest_of(args));
}

template <bool F>
Value m_difference(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "difference", 0, -1)) return Value::exception();
  return difference_multi(vm, self_of(args), rest_of(args));
}

template <bool F>
Value m_symmetric_difference(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "symmetric_difference", 1, 1)) return Value::exception();
  return symmetric_difference(vm, self_of(args), args.positional[1]);
}

template <bool F>
Value m_issubset(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "issubset", 1, 1)) return Value::exception();
  return bool_or_error(issubset(vm, self_of(args), args.positional[1]));
}

template <bool F>
Value m_issuperset(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "issuperset", 1, 1)) return Value::exception();
  return bool_or_error(issuperset(vm, self_of(args), args.positional[1]));
}

template <bool F>
Value m_isdisjoint(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "isdisjoint", 1, 1)) return Value::exception();
  return bool_or_error(isdisjoint(vm, self_of(args), args.positional[1]));
}

template <bool F>
Value m_contains(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "__contains__", 1, 1)) return Value::exception();
  return bool_or_error(keyed(vm, self_of(args), args.positional[1], false));
}

template <bool F>
Value m_len(Vm& vm, const CallArgs& args) {
  if (!method_args<F>(vm, args, "__len__", 0, 0)) return Value::exception();
  return Value::small_int(as_set(self_of(args))->used);
}

// -- Constructors --------------------------------------------------------------

Value set_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "set", 0, 1)) return Value::exception();
  return make_new_set(vm, vm.types.set, args.positional.empty() ? Value::null() : args.positional[0]);
}

Value frozenset_construct(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "frozenset", 0, 1)) return Value::exception();
  if (args.positional.empty()) return make_new_set(vm, vm.types.frozenset, Value::null());
  Value it = args.positional[0];
  if (it.is_obj() && it.as_obj()->klass == vm.types.frozenset) return it;
  return make_new_set(vm, vm.types.frozenset, it);
}

template <bool F>
void add_shared_methods(Vm& vm, Klass* k) {
  add_method(vm, k, "copy", m_copy<F>);
  add_method(vm, k, "union", m_union<F>);
  add_method(vm, k, "intersection", m_intersection<F>);
  add_method(vm, k, "difference", m_difference<F>);
  add_method(vm, k, "symmetric_difference", m_symmetric_difference<F>);
  add_method(vm, k, "issubset", m_issubset<F>);
  add_method(vm, k, "issuperset", m_issuperset<F>);
  add_method(vm, k, "isdisjoint", m_isdisjoint<F>);
  add_method(vm, k, "__contains__", m_contains<F>);
  add_method(vm, k, "__len__", m_len<F>);
}

void init_common_slots(Klass* k) {
  k->flags |= kKlassBaseType;
  k->trace = set_trace;
  k->repr = set_repr;
  k->len = set_len;
  k->contains = set_contains_slot;
  k->iter = set_iter;
  k->richcompare = set_richcompare;
  k->binary = set_binary;
  k->truth = set_truth;
}

}  // namespace

// -- Public API ------------------------------------------------------------------

Value set_new(Vm& vm) { return alloc_set(vm, vm.types.set); }

Value frozenset_new(Vm& vm, Value iterable) { return make_new_set(vm, vm.types.frozenset, iterable); }

bool set_add(Vm& vm, Value set, Value key) { return add_key(vm, as_set(set), key); }

bool set_update(Vm& vm, Value set, Value iterable) { return update_internal(vm, as_set(set), iterable); }

int set_contains(Vm& vm, Value set, Value key) { return keyed(vm, set, key, false); }

int set_discard(Vm& vm, Value set, Value key) { return keyed(vm, set, key, true); }

bool is_anyset(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::SET; }

bool set_next(Set* s, uint64_t* pos, Value* key) {
  int64_t hash;
  return next_entry(s, pos, key, &hash);
}

void init_set_type(Vm& vm) {
  Klass* set = vm.types.set;
  Klass* frozen = vm.types.frozenset;
  init_common_slots(set);
  init_common_slots(frozen);
  set->hash = nullptr;  // unhashable
  frozen->hash = frozenset_hash;
  set->construct = set_construct;
  frozen->construct = frozenset_construct;
  add_shared_methods<false>(vm, set);
  add_shared_methods<true>(vm, frozen);
  add_method(vm, set, "add", m_add);
  add_method(vm, set, "discard", m_discard);
  add_method(vm, set, "remove", m_remove);
  add_method(vm, set, "pop", m_pop);
  add_method(vm, set, "clear", m_clear);
  add_method(vm, set, "update", m_update);
  add_method(vm, set, "intersection_update", m_intersection_update);
  add_method(vm, set, "difference_update", m_difference_update);
  add_method(vm, set, "symmetric_difference_update", m_symmetric_difference_update);
  add_method(vm, set, "__init__", m_init);

  Klass* it = vm.types.set_iterator;
  it->trace = set_iter_trace;
  it->iter = iter_self;
  it->iternext = set_iter_next;
  add_method(vm, it, "__next__", m_iter_next);
  add_method(vm, it, "__iter__", m_iter_iter);
  add_method(vm, it, "__length_hint__", m_length_hint);
}

}  // namespace contrail::runtime
