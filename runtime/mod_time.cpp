// runtime/mod_time.cpp -- The time module's clocks and sleep, as CPython 3.11
// reads them on Linux: time() is CLOCK_REALTIME, monotonic() and
// perf_counter() are CLOCK_MONOTONIC, process_time() is
// CLOCK_PROCESS_CPUTIME_ID; the *_ns forms return int nanoseconds and the
// float forms convert them as _PyTime_AsSecondsDouble does.
// Depends on runtime/ only.
#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <string>

#include "runtime/native_util.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/ops.h"
#include "runtime/type_init.h"
#include "runtime/vm.h"

namespace contrail::runtime {

namespace {

int64_t clock_ns(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Nanoseconds as float seconds, rounded as CPython rounds them.
Value seconds(int64_t ns) {
  double d = ns % 1000000000 == 0 ? static_cast<double>(ns / 1000000000) : static_cast<double>(ns) / 1e9;
  return Value::from_double(d);
}

template <clockid_t kClock>
Value clock_float(Vm& vm, const CallArgs& args, const char* fname) {
  if (!check_args(vm, args, fname, 0, 0)) return Value::exception();
  return seconds(clock_ns(kClock));
}

template <clockid_t kClock>
Value clock_int(Vm& vm, const CallArgs& args, const char* fname) {
  if (!check_args(vm, args, fname, 0, 0)) return Value::exception();
  return int_from_int64(vm, clock_ns(kClock));
}

Value time_time(Vm& vm, const CallArgs& args) { return clock_float<CLOCK_REALTIME>(vm, args, "time.time"); }
Value time_time_ns(Vm& vm, const CallArgs& args) {
  return clock_int<CLOCK_REALTIME>(vm, args, "time.time_ns");
}
Value time_monotonic(Vm& vm, const CallArgs& args) {
  return clock_float<CLOCK_MONOTONIC>(vm, args, "time.monotonic");
}
Value time_monotonic_ns(Vm& vm, const CallArgs& args) {
  return clock_int<CLOCK_MONOTONIC>(vm, args, "time.monotonic_ns");
}
Value time_perf_counter(Vm& vm, const CallArgs& args) {
  return clock_float<CLOCK_MONOTONIC>(vm, args, "time.perf_counter");
}
Value time_perf_counter_ns(Vm& vm, const CallArgs& args) {
  return clock_int<CLOCK_MONOTONIC>(vm, args, "time.perf_counter_ns");
}
Value time_process_time(Vm& vm, const CallArgs& args) {
  return clock_float<CLOCK_PROCESS_CPUTIME_ID>(vm, args, "time.process_time");
}
Value time_process_time_ns(Vm& vm, const CallArgs& args) {
  return clock_int<CLOCK_PROCESS_CPUTIME_ID>(vm, args, "time.process_time_ns");
}

// The seconds argument of sleep(): an int or float, as _PyTime_FromSecondsObject.
bool sleep_seconds(Vm& vm, Value v, double* out) {
  if (v.is_double()) {
    *out = v.as_double();
    if (std::isnan(*out)) {
      raise(vm, vm.types.ValueError, "Invalid value NaN (not a number)");
      return false;
    }
    return true;
  }
  if (!is_int_like(vm, v)) {
    raise(vm, vm.types.TypeError,
          std::string("'").append(type_name(vm, v)).append("' object cannot be interpreted as an integer"));
    return false;
  }
  int64_t i;
  if (!int_to_int64(v, &i) || i > INT64_MAX / 1000000000 || i < INT64_MIN / 1000000000) {
    raise(vm, vm.types.OverflowError, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  *out = static_cast<double>(i);
  return true;
}

Value time_sleep(Vm& vm, const CallArgs& args) {
  if (!check_args(vm, args, "time.sleep", 1, 1)) return Value::exception();
  double secs;
  if (!sleep_seconds(vm, args.positional[0], &secs)) return Value::exception();
  if (secs < 0) return raise(vm, vm.types.ValueError, "sleep length must be non-negative");
  if (secs * 1e9 >= static_cast<double>(INT64_MAX))
    return raise(vm, vm.types.OverflowError, "timestamp out of range for platform time_t");
  timespec left{static_cast<time_t>(secs), static_cast<long>((secs - std::floor(secs)) * 1e9)};
  while (nanosleep(&left, &left) != 0 && errno == EINTR) {
  }
  return Value::none();
}

struct TimeFn {
  const char* name;
  NativeFn fn;
};

constexpr TimeFn kFunctions[] = {
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"monotonic", time_monotonic},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns},
    {"sleep", time_sleep},
};

}  // namespace

Value make_time_module(Vm& vm) {
  Value m = module_new(vm, "time");
  CT_TRY(m);
  Root<Module> mod(vm, m.as<Module>());
  for (const TimeFn& f : kFunctions) add_function(vm, mod->dict, f.name, f.fn);
  return Value::object(mod.get());
}

}  // namespace contrail::runtime
