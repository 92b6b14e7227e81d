// runtime/mod_random.cpp -- The _random module: the Mersenne Twister (MT19937)
// state object behind lib/random.py, bit-for-bit CPython 3.11's _randommodule.c:
// the same seeding (int seeds by |n| split into 32-bit words for
// init_by_array, other hashable seeds by their hash as an unsigned 64-bit
// word, None from the OS), random() as genrand_res53, getrandbits() filling
// 32-bit words from the least significant end, getstate()/setstate() as a
// tuple of 624 words and the index.
// The Klass "_random.Random" is created with the module (not in Vm::types);
// instances hold no references, so they trace like plain objects.
// Depends on runtime/ only.
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/bigint_ops.h"
#include "runtime/native_util.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

// -- The Mersenne Twister core (no VM) ----------------------------------------------

constexpr int kMtN = 624;
constexpr int kMtM = 397;

struct MtCore {
  uint32_t state[kMtN];
  int index;  // next word of state to temper; kMtN forces a regeneration
};

// Seeds [mt] from the single word [s] (MT19937's init_genrand).
void mt_init_genrand(MtCore& mt, uint32_t s) {
  mt.state[0] = s;
  for (int i = 1; i < kMtN; ++i)
    mt.state[i] = 1812433253u * (mt.state[i - 1] ^ (mt.state[i - 1] >> 30)) + static_cast<uint32_t>(i);
  mt.index = kMtN;
}

// Seeds [mt] from [key] (MT19937's init_by_array, as CPython uses it).
void mt_init_by_array(MtCore& mt, const uint32_t* key, size_t key_length) {
  mt_init_genrand(mt, 19650218u);
  uint32_t* s = mt.state;
  size_t i = 1, j = 0;
  for (size_t k = kMtN > key_length ? kMtN : key_length; k; --k) {
    s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kMtN) {
      s[0] = s[kMtN - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (size_t k = kMtN - 1; k; --k) {
    s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kMtN) {
      s[0] = s[kMtN - 1];
      i = 1;
    }
  }
  s[0] = 0x80000000u;  // MSB is 1, assuring a non-zero initial array
}

// The next 32-bit output of [mt] (MT19937's genrand_uint32).
uint32_t mt_next_u32(MtCore& mt) {
  static constexpr uint32_t kMag01[2] = {0x0u, 0x9908b0dfu};
  constexpr uint32_t kUpper = 0x80000000u, kLower = 0x7fffffffu;
  uint32_t* s = mt.state;
  if (mt.index >= kMtN) {  // generate kMtN words at one time
    int kk = 0;
    uint32_t y;
    for (; kk < kMtN - kMtM; ++kk) {
      y = (s[kk] & kUpper) | (s[kk + 1] & kLower);
      s[kk] = s[kk + kMtM] ^ (y >> 1) ^ kMag01[y & 1];
    }
    for (; kk < kMtN - 1; ++kk) {
      y = (s[kk] & kUpper) | (s[kk + 1] & kLower);
      s[kk] = s[kk + (kMtM - kMtN)] ^ (y >> 1) ^ kMag01[y & 1];
    }
    y = (s[kMtN - 1] & kUpper) | (s[0] & kLower);
    s[kMtN - 1] = s[kMtM - 1] ^ (y >> 1) ^ kMag01[y & 1];
    mt.index = 0;
  }
  uint32_t y = s[mt.index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= (y >> 18);
  return y;
}

// A double in [0, 1) with 53 random bits (genrand_res53).
double mt_next_double(MtCore& mt) {
  uint32_t a = mt_next_u32(mt) >> 5, b = mt_next_u32(mt) >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// The 32-bit words of the non-negative [n], least significant first; one
// zero word for zero (CPython's _PyLong_AsByteArray into keyused words).
std::vector<uint32_t> mt_seed_words(BigView n) {
  std::vector<uint32_t> words;
  for (mp_limb_t limb : n.limbs)
    for (unsigned shift = 0; shift < GMP_NUMB_BITS; shift += 32)
      words.push_back(static_cast<uint32_t>(limb >> shift));
  while (words.size() > 1 && words.back() == 0) words.pop_back();
  if (words.empty()) words.push_back(0);
  return words;
}

// -- The state object ---------------------------------------------------------------

struct RandomObj : Obj {
  MtCore mt;
};

Value random_construct(Vm& vm, const CallArgs& args);

bool is_random(Value v) { return v.is_obj() && v.as_obj()->klass->construct == random_construct; }

MtCore& core_of(Value self) { return self.as<RandomObj>()->mt; }

std::string tname(Vm& vm, Value v) { return std::string(type_name(vm, v)); }

// Checks that positional[0] is a _random.Random (methods called through the class).
bool check_self(Vm& vm, const CallArgs& args, const char* method) {
  if (!args.positional.empty() && is_random(args.positional[0])) return true;
  if (args.positional.empty()) {
    raise(vm, vm.types.TypeError, std::string("unbound method Random.") + method + "() needs an argument");
  } else {
    raise(vm, vm.types.TypeError,
          std::string("descriptor '") + method + "' for '_random.Random' objects doesn't apply to a '" +
              tname(vm, args.positional[0]) + "' object");
  }
  return false;
}

Value not_an_integer(Vm& vm, Value v) {
  return raise(vm, vm.types.TypeError,
               std::string("'").append(tname(vm, v)).append("' object cannot be interpreted as an integer"));
}

CallArgs without_self(const CallArgs& args) {
  return CallArgs{args.positional.subspan(1), args.kwvalues, args.kwnames};
}

// -- Seeding ------------------------------------------------------------------------

// Seeds from the OS (CPython's random_seed_urandom), falling back to the
// time and pid as random_seed_time_pid does.
void seed_from_os(MtCore& mt) {
  uint32_t key[kMtN];
  size_t got = 0;
  auto* bytes = reinterpret_cast<unsigned char*>(key);
  while (got < sizeof key) {
    ssize_t n = getrandom(bytes + got, sizeof key - got, 0);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got == sizeof key) {
    mt_init_by_array(mt, key, kMtN);
    return;
  }
  timespec now{}, mono{};
  clock_gettime(CLOCK_REALTIME, &now);
  clock_gettime(CLOCK_MONOTONIC, &mono);
  uint64_t wall = static_cast<uint64_t>(now.tv_sec) * 1000000000u + static_cast<uint64_t>(now.tv_nsec);
  uint64_t mon = static_cast<uint64_t>(mono.tv_sec) * 1000000000u + static_cast<uint64_t>(mono.tv_nsec);
  uint32_t fallback[5] = {static_cast<uint32_t>(wall), static_cast<uint32_t>(wall >> 32),
                          static_cast<uint32_t>(getpid()), static_cast<uint32_t>(mon),
                          static_cast<uint32_t>(mon >> 32)};
  mt_init_by_array(mt, fallback, 5);
}

// CPython's random_seed(): None -> OS entropy; int -> |n|; anything else
// -> hash(arg) reinterpreted as an unsigned 64-bit word.
bool seed_with(Vm& vm, MtCore& mt, Value arg) {
  if (arg.is_null() || arg.is_none()) {
    seed_from_os(mt);
    return true;
  }
  BigNum magnitude;
  if (is_int_like(vm, arg)) {
    BigNum tmp;
    magnitude = big_abs(int_view(arg, tmp));
  } else {
    int64_t h;
    if (!hash_value(vm, arg, &h)) return false;
    magnitude = big_from_uint64(static_cast<uint64_t>(h));
  }
  std::vector<uint32_t> key = mt_seed_words(magnitude.view());
  mt_init_by_array(mt, key.data(), key.size());
  return true;
}

// -- Methods ------------------------------------------------------------------------

Value random_construct(Vm& vm, const CallArgs& args) {
  if (!args.kwvalues.empty()) return raise(vm, vm.types.TypeError, "Random() takes no keyword arguments");
  if (args.positional.size() > 1) return raise(vm, vm.types.TypeError, "Random() requires 0 or 1 argument");
  RootValue seed(vm, args.positional.empty() ? Value::none() : args.positional[0]);
  // construct() is not told its type, and the Klass is not in Vm::types:
  // find it in the (cached) module.
  Value mod = import_builtin_module(vm, "_random");
  CT_TRY(mod);
  Value cls = dict_get_str(mod.as<Module>()->dict, str_intern(vm, "Random"));
  if (!(cls.is_obj() && cls.as_obj()->klass == vm.types.type))
    return raise(vm, vm.types.TypeError, "_random.Random is missing");
  RandomObj* obj = vm.alloc<RandomObj>(cls.as<Klass>());
  if (obj == nullptr) return Value::exception();
  RootValue self(vm, Value::object(obj));
  if (!seed_with(vm, core_of(self), seed)) return Value::exception();
  return self;
}

Value random_seed(Vm& vm, const CallArgs& args) {
  if (!check_self(vm, args, "seed") || !check_args(vm, without_self(args), "seed", 0, 1))
    return Value::exception();
  Value arg = args.positional.size() > 1 ? args.positional[1] : Value::none();
  if (!seed_with(vm, core_of(args.positional[0]), arg)) return Value::exception();
  return Value::none();
}

Value random_random(Vm& vm, const CallArgs& args) {
  if (!check_self(vm, args, "random") || !check_args(vm, without_self(args), "Random.random", 0, 0))
    return Value::exception();
  return Value::from_double(mt_next_double(core_of(args.positional[0])));
}

// The int of [k] random bits, built from 32-bit words least significant
// first; the last word keeps its top bits (CPython's random_getrandbits).
Value random_bits(Vm& vm, MtCore& mt, int64_t k) {
  if (k == 0) return Value::small_int(0);
  if (k <= 32) return Value::small_int(mt_next_u32(mt) >> (32 - k));
  BigNum n;
  n.limbs.assign(static_cast<size_t>((k - 1) / 64 + 1), 0);
  for (int64_t i = 0; k > 0; ++i, k -= 32) {
    uint32_t r = mt_next_u32(mt);
    if (k < 32) r >>= (32 - k);
    n.limbs[i / 2] |= static_cast<mp_limb_t>(r) << (32 * (i % 2));
  }
  while (!n.limbs.empty() && n.limbs.back() == 0) n.limbs.pop_back();
  return int_from_big(vm, n);
}

Value random_getrandbits(Vm& vm, const CallArgs& args) {
  if (!check_self(vm, args, "getrandbits") || !check_args(vm, without_self(args), "Random.getrandbits", 1, 1))
    return Value::exception();
  Value arg = args.positional[1];
  if (!is_int_like(vm, arg)) return not_an_integer(vm, arg);
  int64_t k;
  if (!int_to_int64(arg, &k) || k > INT32_MAX || k < INT32_MIN)
    return raise(vm, vm.types.OverflowError, "Python int too large to convert to C int");
  if (k < 0) return raise(vm, vm.types.ValueError, "number of bits must be non-negative");
  return random_bits(vm, core_of(args.positional[0]), k);
}

Value random_getstate(Vm& vm, const CallArgs& args) {
  if (!check_self(vm, args, "getstate") || !check_args(vm, without_self(args), "Random.getstate", 0, 0))
    return Value::exception();
  RootValue self(vm, args.positional[0]);
  Value t = tuple_new(vm, kMtN + 1);
  CT_TRY(t);
  const MtCore& mt = core_of(self);
  Tuple* tuple = t.as<Tuple>();
  for (int i = 0; i < kMtN; ++i) tuple->items[i] = Value::small_int(mt.state[i]);  // < 2**32: always small
  tuple->items[kMtN] = Value::small_int(mt.index);
  return t;
}

// One state word as PyLong_AsUnsignedLong reads it, truncated to 32 bits.
bool state_word(Vm& vm, Value v, uint32_t* out) {
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError, "an integer is required");
    return false;
  }
  BigNum tmp;
  BigView view = int_view(v, tmp);
  if (view.neg) {
    raise(vm, vm.types.OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  if (view.limbs.size() > 1) {
    raise(vm, vm.types.OverflowError, "int too big to convert");
    return false;
  }
  *out = view.limbs.empty() ? 0 : static_cast<uint32_t>(view.limbs[0]);
  return true;
}

Value random_setstate(Vm& vm, const CallArgs& args) {
  if (!check_self(vm, args, "setstate") || !check_args(vm, without_self(args), "Random.setstate", 1, 1))
    return Value::exception();
  Value state = args.positional[1];
  if (!is_instance(vm, state, vm.types.tuple))
    return raise(vm, vm.types.TypeError, "state vector must be a tuple");
  Tuple* t = state.as<Tuple>();
  if (t->size != kMtN + 1) return raise(vm, vm.types.ValueError, "state vector is the wrong size");
  MtCore fresh;
  for (int i = 0; i < kMtN; ++i)
    if (!state_word(vm, t->items[i], &fresh.state[i])) return Value::exception();
  Value index = t->items[kMtN];
  if (!is_int_like(vm, index)) return not_an_integer(vm, index);
  int64_t i;
  if (!int_to_int64(index, &i))
    return raise(vm, vm.types.OverflowError, "Python int too large to convert to C long");
  if (i < 0 || i > kMtN) return raise(vm, vm.types.ValueError, "invalid state");
  fresh.index = static_cast<int>(i);
  core_of(args.positional[0]) = fresh;
  return Value::none();
}

// -- Module -------------------------------------------------------------------------

// The Klass "_random.Random": object's layout and trace (no references).
Klass* make_random_klass(Vm& vm) {
  Root<Klass> k(vm, vm.alloc<Klass>(vm.types.type));
  if (k.get() == nullptr) return nullptr;
  Klass* base = vm.types.object;
  k->kind = base->kind;
  k->base = base;
  k->trace = base->trace;
  k->flags = kKlassImmutable;
  k->name = str_intern(vm, "_random.Random");
  k->construct = random_construct;
  Value d = dict_new(vm);
  if (d.is_exception()) return nullptr;
  k->dict = d.as<Dict>();
  Value objv = Value::object(base);
  Value mro = tuple_new(vm, 2);
  if (mro.is_exception()) return nullptr;
  mro.as<Tuple>()->items[0] = Value::object(k.get());
  mro.as<Tuple>()->items[1] = objv;
  k->mro = mro.as<Tuple>();
  add_method(vm, k, "seed", random_seed);
  add_method(vm, k, "random", random_random);
  add_method(vm, k, "getrandbits", random_getrandbits);
  add_method(vm, k, "getstate", random_getstate);
  add_method(vm, k, "setstate", random_setstate);
  return k.get();
}

}  // namespace

Value make_random_module(Vm& vm) {
  Value m = module_new(vm, "_random");
  CT_TRY(m);
  Root<Module> mod(vm, m.as<Module>());
  Root<Klass> k(vm, make_random_klass(vm));
  if (k.get() == nullptr) return Value::exception();
  dict_set_name(vm, mod->dict, "Random", Value::object(k.get()));
  return Value::object(mod.get());
}

}  // namespace contrail::runtime
