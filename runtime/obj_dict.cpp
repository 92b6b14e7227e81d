// runtime/obj_dict.cpp -- dict: CPython's compact, insertion-ordered hash table,
// plus the dict_keys / dict_values / dict_items views.
// Invariants:
//  - table->slots() holds entry indices (-1 empty, -2 deleted); entries are
//    append-only in insertion order; a deleted entry has NULL key and value.
//  - nentries <= capacity = 2/3 of nslots, so every probe sequence meets an
//    empty slot. A full table is rebuilt (compacting deleted entries) with
//    nslots = the power of two >= 3 * used (CPython's GROWTH_RATE).
//  - Keys match when they are the same Value or have equal hashes and compare
//    equal (so 1, 1.0 and True are one key). Comparing may run Python code;
//    a lookup restarts when that code mutated the dict (version changed).
//  - version increases on every mutation (including value replacement).
// The dict iterators live in runtime/obj_iter.cpp.
#include "runtime/obj_dict.h"
#include "runtime/obj_instance.h"

#include <cstring>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
constexpr uint64_t kMinSlots = 8;
constexpr int64_t kMissing = -1;
constexpr int64_t kError = -2;

// A dict_keys / dict_values / dict_items object.
struct DictView : Obj {
  Dict* dict;
};

bool is_dict(Value v) { return v.is_obj() && v.as_obj()->klass->kind == TypeKind::DICT; }
bool is_str(Vm& vm, Value v) { return v.is_obj() && v.as_obj()->klass == vm.types.str; }

// -- Table -------------------------------------------------------------------

uint64_t usable(uint64_t nslots) { return (nslots << 1) / 3; }

DictTable* table_new(Vm& vm, uint64_t nslots) {
  uint64_t cap = usable(nslots);
  size_t bytes = sizeof(DictTable) + nslots * sizeof(int32_t) + cap * sizeof(DictEntry);
  auto* t = vm.alloc<DictTable>(vm.types.dict_table, bytes);
  if (t == nullptr) return nullptr;
  t->nslots = nslots;
  t->nentries = 0;
  t->capacity = cap;
  std::memset(t->slots(), 0xff, nslots * sizeof(int32_t));  // all kEmpty
  return t;
}

void table_trace(Obj* self, Tracer& tracer) {
  auto* t = static_cast<DictTable*>(self);
  DictEntry* e = t->entries();
  for (uint64_t i = 0; i < t->nentries; i++) {
    tracer.visit(e[i].key);
    tracer.visit(e[i].value);
  }
}

void dict_trace(Obj* self, Tracer& tracer) {
  tracer.visit(static_cast<Dict*>(self)->table);
  tracer.visit(static_cast<Dict*>(self)->attrs);
}

// Appends an entry for a key known to be absent (no comparisons, no allocation).
void insert_clean(DictTable* t, Value key, int64_t hash, Value value) {
  uint64_t mask = t->nslots - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  int32_t* slots = t->slots();
  while (slots[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  slots[i] = static_cast<int32_t>(t->nentries);
  t->entries()[t->nentries++] = DictEntry{hash, key, value};
}

// Rebuilds [d]'s table with room for at least [need] live entries.
bool resize(Vm& vm, Dict* d, uint64_t need) {
  uint64_t nslots = kMinSlots;
  while (nslots < need * 3) nslots <<= 1;
  if (nslots > (uint64_t{1} << 31)) {
    raise_value(vm, vm.memory_error);
    return false;
  }
  Root<Dict> root(vm, d);
  DictTable* fresh = table_new(vm, nslots);
  if (fresh == nullptr) return false;
  DictTable* old = root->table;
  if (old != nullptr) {
    DictEntry* e = old->entries();
    for (uint64_t i = 0; i < old->nentries; i++) {
      if (!e[i].key.is_null()) insert_clean(fresh, e[i].key, e[i].hash, e[i].value);
    }
  }
  root->table = fresh;
  return true;
}

bool key_hash(Vm& vm, Value key, int64_t* out) {
  if (key.is_small_int()) {
    int64_t i = key.as_small_int();
    *out = i == -1 ? -2 : i;  // same as hash_value: hash(i) == i, hash(-1) == -2
    return true;
  }
  if (is_str(vm, key)) {
    *out = str_hash(key.as<Str>());
    return true;
  }
  return hash_value(vm, key, out);
}

// Compares a stored key with [key] after a hash match: 1, 0, or -1.
int keys_equal(Vm& vm, Value stored, Value key) {
  if (is_str(vm, stored) && is_str(vm, key)) return str_equal(stored.as<Str>(), key.as<Str>());
  if (stored.is_small_int() && key.is_small_int()) return 0;
  RootValue keep(vm, stored);  // the comparison may delete it from the dict
  return equals(vm, stored, key);
}

// Finds [key]: its entry index (and probe slot in *slot_out), kMissing, or kError.
int64_t lookup(Vm& vm, Dict* d, Value key, int64_t hash, uint64_t* slot_out) {
restart:
  DictTable* t = d->table;
  if (t == nullptr) return kMissing;
  uint64_t version = d->version;
  uint64_t mask = t->nslots - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int32_t ix = t->slots()[i];
    if (ix == kEmpty) return kMissing;
    if (ix >= 0) {
      DictEntry* e = &t->entries()[ix];
      if (e->key == key) {
        *slot_out = i;
        return ix;
      }
      if (e->hash == hash) {
        int r = keys_equal(vm, e->key, key);
        if (r < 0) return kError;
        if (d->version != version || d->table != t) goto restart;
        if (r > 0) {
          *slot_out = i;
          return ix;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Value get_hashed(Vm& vm, Dict* d, Value key, int64_t hash) {
  uint64_t slot;
  int64_t ix = lookup(vm, d, key, hash, &slot);
  if (ix == kError) return Value::exception();
  if (ix == kMissing) return Value::null();
  return d->table->entries()[ix].value;
}

bool set_hashed(Vm& vm, Dict* d, Value key, int64_t hash, Value value) {
  uint64_t slot;
  int64_t ix = lookup(vm, d, key, hash, &slot);
  if (ix == kError) return false;
  if (ix >= 0) {
    d->table->entries()[ix].value = value;
    d->version++;
    return true;
  }
  if (d->table == nullptr || d->table->nentries == d->table->capacity) {
    RootValue rk(vm, key), rv(vm, value);
    if (!resize(vm, d, d->used + 1)) return false;
  }
  insert_clean(d->table, key, hash, value);
  d->used++;
  d->version++;
  return true;
}

// The probe slot holding entry index [ix] (which is live, with hash [hash]).
uint64_t find_slot(DictTable* t, int64_t hash, int64_t ix) {
  uint64_t mask = t->nslots - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  while (t->slots()[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Removes entry [ix] found at probe slot [slot]; returns its value.
Value remove_entry(Dict* d, int64_t ix, uint64_t slot) {
  DictTable* t = d->table;
  DictEntry* e = &t->entries()[ix];
  Value old = e->value;
  t->slots()[slot] = kDummy;
  e->key = Value::null();
  e->value = Value::null();
  d->used--;
  d->version++;
  return old;
}

// Copies every entry of [src] into [dst] (dst.update(src) for dicts).
bool merge_dict(Vm& vm, Dict* dst, Dict* src) {
  Root<Dict> rd(vm, dst), rs(vm, src);
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(rs, &pos, &e)) {
    DictEntry entry = *e;
    RootValue k(vm, entry.key), v(vm, entry.value);
    if (!set_hashed(vm, rd, entry.key, entry.hash, entry.value)) return false;
  }
  return true;
}

// -- Update protocol ---------------------------------------------------------

// Adds one (key, value) element of an update sequence; [index] for messages.
bool merge_pair(Vm& vm, Dict* d, Value item, uint64_t index) {
  RootValue seq(vm, item);
  if (!(item.is_obj() && (item.as_obj()->klass->kind == TypeKind::TUPLE || item.as_obj()->klass->kind == TypeKind::LIST))) {
    Value it = get_iter(vm, item);
    if (it.is_exception()) {
      if (!is_instance(vm, vm.pending, vm.types.TypeError)) return false;
      vm.pending = Value::null();
      raise(vm, vm.types.TypeError,
            "cannot convert dictionary update sequence element #" + std::to_string(index) + " to a sequence");
      return false;
    }
    RootValue iter(vm, it);
    Value l = list_new(vm);
    if (l.is_exception()) return false;
    seq.set(l);
    for (;;) {
      Value x = iter_next(vm, iter);
      if (x.is_exception()) return false;
      if (x.is_null()) break;
      if (!list_append(vm, seq.get().as<List>(), x)) return false;
    }
  }
  Value s = seq.get();
  if (s.as_obj()->klass->kind == TypeKind::LIST && !list_to_values(vm, s.as<List>())) return false;
  std::span<Value> items = s.as_obj()->klass->kind == TypeKind::TUPLE ? s.as<Tuple>()->span() : s.as<List>()->span();
  if (items.size() != 2) {
    raise(vm, vm.types.ValueError,
          "dictionary update sequence element #" + std::to_string(index) + " has length " +
              std::to_string(items.size()) + "; 2 is required");
    return false;
  }
  RootValue k(vm, items[0]), v(vm, items[1]);
  return dict_set(vm, d, k, v);
}

bool merge_pairs(Vm& vm, Dict* d, Value iterable) {
  Root<Dict> rd(vm, d);
  Value it = get_iter(vm, iterable);
  if (it.is_exception()) return false;
  RootValue iter(vm, it);
  for (uint64_t index = 0;; index++) {
    Value item = iter_next(vm, iter);
    if (item.is_exception()) return false;
    if (item.is_null()) return true;
    if (!merge_pair(vm, rd, item, index)) return false;
  }
}

// d.update(other): a dict, a mapping with keys(), or an iterable of pairs.
bool dict_update_from(Vm& vm, Dict* d, Value other) {
  if (is_dict(other)) return merge_dict(vm, d, other.as<Dict>());
  Root<Dict> rd(vm, d);
  Value keys_fn = get_attr_opt(vm, other, str_intern(vm, "keys"));
  if (keys_fn.is_exception()) return false;
  if (keys_fn.is_null()) return merge_pairs(vm, rd, other);
  RootValue rf(vm, keys_fn);
  RootValue keys(vm, call0(vm, keys_fn));
  if (keys.get().is_exception()) return false;
  RootValue iter(vm, get_iter(vm, keys));
  if (iter.get().is_exception()) return false;
  for (;;) {
    Value k = iter_next(vm, iter);
    if (k.is_exception()) return false;
    if (k.is_null()) return true;
    RootValue rk(vm, k);
    Value v = get_item(vm, other, k);
    if (v.is_exception()) return false;
    RootValue rv(vm, v);
    if (!dict_set(vm, rd, rk, rv)) return false;
  }
}

// Adds the keyword arguments of [args] to [d].
bool merge_kwargs(Vm& vm, Dict* d, const CallArgs& args) {
  if (args.kwnames == nullptr) return true;
  Root<Dict> rd(vm, d);
  for (uint64_t i = 0; i < args.kwnames->size; i++) {
    if (!dict_set(vm, rd, args.kwnames->items[i], args.kwvalues[i])) return false;
  }
  return true;
}

// -- Slots -------------------------------------------------------------------


// Appends "k: v, ..." (or just the keys/values/"(k, v)" for views) to [out].
enum class Part { ITEMS, KEYS, VALUES, PAIRS };

bool repr_entries(Vm& vm, Dict* d, std::string& out, Part part) {
  Root<Dict> rd(vm, d);
  uint64_t pos = 0;
  DictEntry* e;
  bool first = true;
  while (dict_next(rd, &pos, &e)) {
    RootValue k(vm, e->key), v(vm, e->value);
    if (!first) out += ", ";
    first = false;
    if (part == Part::PAIRS) out += '(';
    if (part != Part::VALUES && !repr_append(vm, out, k)) return false;
    if (part == Part::ITEMS) out += ": ";
    if (part == Part::PAIRS) out += ", ";
    if ((part == Part::ITEMS || part == Part::PAIRS || part == Part::VALUES) && !repr_append(vm, out, v)) {
      return false;
    }
    if (part == Part::PAIRS) out += ')';
  }
  return true;
}

Value dict_repr(Vm& vm, Value self) {
  Dict* d = self.as<Dict>();
  if (d->used == 0) return str_new(vm, "{}");
  if (repr_enter(vm, d)) return str_new(vm, "{...}");
  std::string out = "{";
  bool ok = repr_entries(vm, d, out, Part::ITEMS);
  vm.repr_active.pop_back();
  if (!ok) return Value::exception();
  out += '}';
  return str_new(vm, out);
}

bool dict_len(Vm&, Value self, int64_t* out) {
  *out = static_cast<int64_t>(self.as<Dict>()->used);
  return true;
}

Value dict_getitem(Vm& vm, Value self, Value key) {
  Value v = dict_get(vm, self.as<Dict>(), key);
  if (v.is_null()) {
    // dict subclasses may define __missing__.
    if (self.as_obj()->klass->flags & kKlassUser) {
      Value r = call_special(vm, self, "__missing__", {&key, 1});
      if (!r.is_null()) return r;
    }
    return raise_key_error(vm, key);
  }
  return v;
}

bool dict_setitem(Vm& vm, Value self, Value key, Value value) {
  if (!value.is_null()) return dict_set(vm, self.as<Dict>(), key, value);
  Value old = dict_pop(vm, self.as<Dict>(), key);
  if (old.is_exception()) return false;
  if (old.is_null()) {
    raise_key_error(vm, key);
    return false;
  }
  return true;
}

int dict_contains(Vm& vm, Value self, Value key) {
  Value v = dict_get(vm, self.as<Dict>(), key);
  if (v.is_exception()) return -1;
  return v.is_null() ? 0 : 1;
}

Value dict_iter(Vm& vm, Value self) { return seq_iter_new(vm, vm.types.dict_keyiterator, self, 0, 1); }

int dict_truth(Vm&, Value self) { return self.as<Dict>()->used != 0 ? 1 : 0; }

// a == b for two dicts: 1, 0, -1.
int dict_equal(Vm& vm, Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  Root<Dict> ra(vm, a), rb(vm, b);
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(ra, &pos, &e)) {
    RootValue k(vm, e->key), v(vm, e->value);
    Value other = get_hashed(vm, rb, k, e->hash);
    if (other.is_exception()) return -1;
    if (other.is_null()) return 0;
    RootValue ro(vm, other);
    int r = equals(vm, v, other);
    if (r <= 0) return r;
  }
  return 1;
}

Value dict_richcompare(Vm& vm, Value a, Value b, uint8_t raw_op) {
  CmpOp op = static_cast<CmpOp>(raw_op);
  if (!is_dict(a) || !is_dict(b) || (op != CmpOp::EQ && op != CmpOp::NE)) return vm.singleton_not_implemented;
  int r = dict_equal(vm, a.as<Dict>(), b.as<Dict>());
  if (r < 0) return Value::exception();
  return Value::boolean((r == 1) == (op == CmpOp::EQ));
}

Value dict_copy_value(Vm& vm, Dict* src) {
  Root<Dict> rs(vm, src);
  Value r = dict_new(vm);
  CT_TRY(r);
  Root<Dict> out(vm, r.as<Dict>());
  if (rs->used > 0) {
    if (!resize(vm, out, rs->used)) return Value::exception();
    uint64_t pos = 0;
    DictEntry* e;
    while (dict_next(rs, &pos, &e)) insert_clean(out->table, e->key, e->hash, e->value);
    out->used = rs->used;
    out->version++;
  }
  return Value::object(out.get());
}

// d | other and d |= other (PEP 584).
Value dict_binary(Vm& vm, Value a, Value b, uint8_t raw_op) {
  BinOp op = static_cast<BinOp>(raw_op);
  if (op == BinOp::IOR && is_dict(a)) {
    if (!dict_update_from(vm, a.as<Dict>(), b)) return Value::exception();
    return a;
  }
  if ((op != BinOp::OR && op != BinOp::IOR) || !is_dict(a) || !is_dict(b)) return vm.singleton_not_implemented;
  RootValue rb(vm, b);
  Value r = dict_copy_value(vm, a.as<Dict>());
  CT_TRY(r);
  RootValue rr(vm, r);
  if (!merge_dict(vm, r.as<Dict>(), rb.get().as<Dict>())) return Value::exception();
  return rr;
}

// -- Views -------------------------------------------------------------------

void view_trace(Obj* self, Tracer& tracer) { tracer.visit(static_cast<DictView*>(self)->dict); }

Value view_new(Vm& vm, Klass* klass, Dict* d) {
  Root<Dict> rd(vm, d);
  auto* v = vm.alloc<DictView>(klass);
  if (v == nullptr) return Value::exception();
  v->dict = rd;
  return Value::object(v);
}

Value view_repr(Vm& vm, Value self) {
  Klass* k = self.as_obj()->klass;
  Root<Dict> d(vm, self.as<DictView>()->dict);
  if (repr_enter(vm, self.as_obj())) return str_new(vm, "...");
  std::string out(k->name->view());
  out += "([";
  Part part = k == vm.types.dict_keys ? Part::KEYS : k == vm.types.dict_values ? Part::VALUES : Part::PAIRS;
  bool ok = repr_entries(vm, d, out, part);
  vm.repr_active.pop_back();
  if (!ok) return Value::exception();
  out += "])";
  return str_new(vm, out);
}

bool view_len(Vm&, Value self, int64_t* out) {
  *out = static_cast<int64_t>(self.as<DictView>()->dict->used);
  return true;
}

Value view_iter(Vm& vm, Value self) {
  Klass* k = self.as_obj()->klass;
  Klass* it = k == vm.types.dict_keys     ? vm.types.dict_keyiterator
              : k == vm.types.dict_values ? vm.types.dict_valueiterator
                                          : vm.types.dict_itemiterator;
  return seq_iter_new(vm, it, Value::object(self.as<DictView>()->dict), 0, 1);
}

int keys_contains(Vm& vm, Value self, Value key) {
  return dict_contains(vm, Value::object(self.as<DictView>()->dict), key);
}

int values_contains(Vm& vm, Value self, Value x) {
  Root<Dict> d(vm, self.as<DictView>()->dict);
  uint64_t pos = 0;
  DictEntry* e;
  while (dict_next(d, &pos, &e)) {
    int r = equals(vm, e->value, x);
    if (r != 0) return r;
  }
  return 0;
}

int items_contains(Vm& vm, Value self, Value item) {
  if (!(item.is_obj() && item.as_obj()->klass->kind == TypeKind::TUPLE && item.as<Tuple>()->size == 2)) return 0;
  Value v = dict_get(vm, self.as<DictView>()->dict, item.as<Tuple>()->items[0]);
  if (v.is_exception()) return -1;
  if (v.is_null()) return 0;
  RootValue rv(vm, v);
  return equals(vm, v, item.as<Tuple>()->items[1]);
}

// keys/items views compare like sets with views of the same kind.
Value view_richcompare(Vm& vm, Value a, Value b, uint8_t raw_op) {
  CmpOp op = static_cast<CmpOp>(raw_op);
  Klass* k = type_of(vm, a);
  if ((op != CmpOp::EQ && op != CmpOp::NE) || k == vm.types.dict_values || type_of(vm, b) != k) {
    return vm.singleton_not_implemented;
  }
  RootValue ra(vm, a), rb(vm, b);
  bool equal = a.as<DictView>()->dict->used == b.as<DictView>()->dict->used;
  ContainsFn in = k->contains;
  RootValue it(vm, get_iter(vm, a));
  CT_TRY(it.get());
  while (equal) {
    Value x = iter_next(vm, it);
    CT_TRY(x);
    if (x.is_null()) break;
    RootValue rx(vm, x);
    int r = in(vm, rb, x);
    if (r < 0) return Value::exception();
    equal = r == 1;
  }
  return Value::boolean(equal == (op == CmpOp::EQ));
}

// -- Methods -----------------------------------------------------------------

// check_args for methods: counts exclude self, which must be a dict.
bool method_args(Vm& vm, const CallArgs& args, const char* fname, int min, int max) {
  if (args.positional.empty() || !is_dict(args.positional[0])) {
    raise(vm, vm.types.TypeError, std::string("descriptor '") + fname + "' requires a 'dict' object");
    return false;
  }
  CallArgs rest{args.positional.subspan(1), args.kwvalues, args.kwnames};
  return check_args(vm, rest, fname, min, max);
}

Dict* self_dict(const CallArgs& args) { return args.positional[0].as<Dict>(); }

Value m_get(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "get", 1, 2)) return Value::exception();
  Value v = dict_get(vm, self_dict(args), args.positional[1]);
  if (v.is_null()) return args.positional.size() > 2 ? args.positional[2] : Value::none();
  return v;
}

Value m_setdefault(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "setdefault", 1, 2)) return Value::exception();
  Value v = dict_get(vm, self_dict(args), args.positional[1]);
  if (!v.is_null()) return v;
  Value dflt = args.positional.size() > 2 ? args.positional[2] : Value::none();
  if (!dict_set(vm, self_dict(args), args.positional[1], dflt)) return Value::exception();
  return dflt;
}

Value m_pop(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "pop", 1, 2)) return Value::exception();
  Value v = dict_pop(vm, self_dict(args), args.positional[1]);
  if (!v.is_null()) return v;
  if (args.positional.size() > 2) return args.positional[2];
  return raise_key_error(vm, args.positional[1]);
}

Value m_popitem(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.popitem", 0, 0)) return Value::exception();
  Dict* d = self_dict(args);
  if (d->used == 0) return raise(vm, vm.types.KeyError, "popitem(): dictionary is empty");
  Value pair = tuple_new(vm, 2);
  CT_TRY(pair);
  DictTable* t = d->table;
  uint64_t i = t->nentries;
  while (t->entries()[i - 1].key.is_null()) i--;
  DictEntry* e = &t->entries()[i - 1];
  pair.as<Tuple>()->items[0] = e->key;
  int64_t ix = static_cast<int64_t>(i - 1);
  pair.as<Tuple>()->items[1] = remove_entry(d, ix, find_slot(t, e->hash, ix));
  t->nentries = i - 1;  // the tail is dead: reuse it
  return pair;
}

Value m_update(Vm& vm, const CallArgs& args) {
  if (args.positional.empty() || !is_dict(args.positional[0])) {
    return raise(vm, vm.types.TypeError, "descriptor 'update' requires a 'dict' object");
  }
  if (args.positional.size() > 2) {
    return raise(vm, vm.types.TypeError,
                 "update expected at most 1 argument, got " + std::to_string(args.positional.size() - 1));
  }
  if (args.positional.size() == 2 && !dict_update_from(vm, self_dict(args), args.positional[1])) {
    return Value::exception();
  }
  if (!merge_kwargs(vm, self_dict(args), args)) return Value::exception();
  return Value::none();
}

Value m_keys(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.keys", 0, 0)) return Value::exception();
  return view_new(vm, vm.types.dict_keys, self_dict(args));
}

Value m_values(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.values", 0, 0)) return Value::exception();
  return view_new(vm, vm.types.dict_values, self_dict(args));
}

Value m_items(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.items", 0, 0)) return Value::exception();
  return view_new(vm, vm.types.dict_items, self_dict(args));
}

Value m_copy(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.copy", 0, 0)) return Value::exception();
  return dict_copy_value(vm, self_dict(args));
}

Value m_clear(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.clear", 0, 0)) return Value::exception();
  dict_clear(vm, self_dict(args));
  return Value::none();
}

Value m_contains(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.__contains__", 1, 1)) return Value::exception();
  int r = dict_contains(vm, args.positional[0], args.positional[1]);
  return r < 0 ? Value::exception() : Value::boolean(r != 0);
}

Value m_getitem(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.__getitem__", 1, 1)) return Value::exception();
  return dict_getitem(vm, args.positional[0], args.positional[1]);
}

Value m_setitem(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.__setitem__", 2, 2)) return Value::exception();
  if (!dict_set(vm, self_dict(args), args.positional[1], args.positional[2])) return Value::exception();
  return Value::none();
}

Value m_len(Vm& vm, const CallArgs& args) {
  if (!method_args(vm, args, "dict.__len__", 0, 0)) return Value::exception();
  return Value::small_int(static_cast<int64_t>(self_dict(args)->used));
}

// dict.fromkeys(iterable, value=None). Without classmethod binding the type is
// not passed; when a binding passes the type (or a dict instance is the
// receiver and two more arguments follow), the first argument is skipped.
Value m_fromkeys(Vm& vm, const CallArgs& args) {
  std::span<const Value> pos = args.positional;
  if (!pos.empty() && pos[0].is_obj() && pos[0].as_obj()->klass == vm.types.type) pos = pos.subspan(1);
  else if (pos.size() >= 2 && is_dict(pos[0])) pos = pos.subspan(1);
  CallArgs rest{pos, args.kwvalues, args.kwnames};
  if (!check_args(vm, rest, "fromkeys", 1, 2)) return Value::exception();
  Value dflt = pos.size() > 1 ? pos[1] : Value::none();
  Value r = dict_new(vm);
  CT_TRY(r);
  RootValue out(vm, r);
  RootValue it(vm, get_iter(vm, pos[0]));
  CT_TRY(it.get());
  for (;;) {
    Value k = iter_next(vm, it);
    CT_TRY(k);
    if (k.is_null()) return out;
    RootValue rk(vm, k);
    if (!dict_set(vm, out.get().as<Dict>(), k, dflt)) return Value::exception();
  }
}

// dict(), dict(mapping_or_pairs), dict(**kwargs).
Value dict_construct(Vm& vm, const CallArgs& args) {
  if (args.positional.size() > 1) {
    return raise(vm, vm.types.TypeError,
                 "dict expected at most 1 argument, got " + std::to_string(args.positional.size()));
  }
  Value r = dict_new(vm);
  CT_TRY(r);
  Root<Dict> d(vm, r.as<Dict>());
  if (!args.positional.empty() && !dict_update_from(vm, d, args.positional[0])) return Value::exception();
  if (!merge_kwargs(vm, d, args)) return Value::exception();
  return Value::object(d.get());
}

}  // namespace

// -- Public API --------------------------------------------------------------

Value dict_new(Vm& vm) {
  auto* d = vm.alloc<Dict>(vm.types.dict);
  if (d == nullptr) return Value::exception();
  d->used = 0;
  d->version = 1;
  d->table = nullptr;
  return Value::object(d);
}

Value dict_get(Vm& vm, Dict* d, Value key) {
  int64_t hash;
  if (!key_hash(vm, key, &hash)) return Value::exception();
  if (d->table == nullptr) return Value::null();
  return get_hashed(vm, d, key, hash);
}

Value dict_get_str(Dict* d, Str* key) {
  DictTable* t = d->table;
  if (t == nullptr) return Value::null();
  int64_t hash = str_hash(key);
  Value kv = Value::object(key);
  uint64_t mask = t->nslots - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = perturb & mask;
  for (;;) {
    int32_t ix = t->slots()[i];
    if (ix == kEmpty) return Value::null();
    if (ix >= 0) {
      DictEntry* e = &t->entries()[ix];
      if (e->key == kv) return e->value;
      if (e->hash == hash && e->key.is_obj() && e->key.as_obj()->klass->kind == TypeKind::STR &&
          str_equal(e->key.as<Str>(), key)) {
        return e->value;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

bool dict_set(Vm& vm, Dict* d, Value key, Value value) {
  int64_t hash;
  if (!key_hash(vm, key, &hash)) return false;
  return set_hashed(vm, d, key, hash, value);
}

Value dict_pop(Vm& vm, Dict* d, Value key) {
  int64_t hash;
  if (!key_hash(vm, key, &hash)) return Value::exception();
  uint64_t slot;
  int64_t ix = lookup(vm, d, key, hash, &slot);
  if (ix == kError) return Value::exception();
  if (ix == kMissing) return Value::null();
  return remove_entry(d, ix, slot);
}

bool dict_next(Dict* d, uint64_t* pos, DictEntry** out) {
  DictTable* t = d->table;
  if (t == nullptr) return false;
  DictEntry* e = t->entries();
  for (uint64_t i = *pos; i < t->nentries; i++) {
    if (!e[i].key.is_null()) {
      *out = &e[i];
      *pos = i + 1;
      return true;
    }
  }
  *pos = t->nentries;
  return false;
}

void dict_clear(Vm&, Dict* d) {
  d->table = nullptr;
  d->used = 0;
  d->version++;
}

void init_dict_type(Vm& vm) {
  vm.types.dict_table->trace = table_trace;
  Klass* k = vm.types.dict;
  k->flags |= kKlassBaseType;
  k->trace = dict_trace;
  k->repr = dict_repr;
  k->len = dict_len;
  k->getitem = dict_getitem;
  k->setitem = dict_setitem;
  k->contains = dict_contains;
  k->iter = dict_iter;
  k->richcompare = dict_richcompare;
  k->binary = dict_binary;
  k->truth = dict_truth;
  k->hash = nullptr;  // unhashable
  k->construct = dict_construct;
  add_method(vm, k, "get", m_get);
  add_method(vm, k, "setdefault", m_setdefault);
  add_method(vm, k, "pop", m_pop);
  add_method(vm, k, "popitem", m_popitem);
  add_method(vm, k, "update", m_update);
  add_method(vm, k, "keys", m_keys);
  add_method(vm, k, "values", m_values);
  add_method(vm, k, "items", m_items);
  add_method(vm, k, "copy", m_copy);
  add_method(vm, k, "clear", m_clear);
  add_method(vm, k, "fromkeys", m_fromkeys);
  add_method(vm, k, "__contains__", m_contains);
  add_method(vm, k, "__getitem__", m_getitem);
  add_method(vm, k, "__setitem__", m_setitem);
  add_method(vm, k, "__len__", m_len);

  Klass* views[] = {vm.types.dict_keys, vm.types.dict_values, vm.types.dict_items};
  ContainsFn contains[] = {keys_contains, values_contains, items_contains};
  for (int i = 0; i < 3; i++) {
    views[i]->trace = view_trace;
    views[i]->repr = view_repr;
    views[i]->len = view_len;
    views[i]->iter = view_iter;
    views[i]->contains = contains[i];
    views[i]->richcompare = view_richcompare;
  }
  vm.types.dict_values->richcompare = nullptr;
}

}  // namespace contrail::runtime
