// jit/jit.cpp -- JIT control: creation, hot loops, recording start/stop,
// compiling and registering traces, entering traces, flushing, GC roots.
// (The interface is jit/jit.h; exits are jit/deopt.cpp; output jit/stats.cpp.)
#include "jit/jit.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "jit/backend.h"
#include "jit/exit_link.h"
#include "jit/jit_state.h"
#include "jit/opt.h"
#include "runtime/bytecode.h"
#include "runtime/obj_func.h"
#include "runtime/obj_str.h"
#include "runtime/vm.h"

namespace contrail::jit {

using namespace runtime;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void trace_roots(Vm& vm, Tracer& tracer) {
  Jit* jit = static_cast<Jit*>(vm.jit);
  for (const auto& t : jit->traces)
    if (t)
      for (Obj* o : t->gc_consts) tracer.visit(o);
  if (jit->rec_trace)
    for (Obj* o : jit->rec_trace->gc_consts) tracer.visit(o);
  // References that running traces hold in spill slots across a helper call.
  for (Activation* a = jit->active; a != nullptr; a = a->prev) {
    if (a->callsite == UINT32_MAX) continue;
    uint32_t id = a->callsite >> kExitIdShift, index = a->callsite & kExitIndexMask;
    if (id >= jit->traces.size() || !jit->traces[id]) continue;
    const Trace& t = *jit->traces[id];
    if (index >= t.stackmaps.size()) continue;
    for (int32_t s : t.stackmaps[index].ref_slots)
      tracer.visit(*reinterpret_cast<Value*>(a->spill_base + 8 * static_cast<size_t>(s)));
  }
}

// Drops every trace (code memory full). Only when no trace is running.
void flush(Jit& jit) {
  jit.verbose("flush: code memory full, dropping " + std::to_string(jit.traces.size()) + " traces");
  jit.traces.clear();
  jit.entries.clear();
  jit.roots.clear();
  jit.side_aborts.clear();
  jit.mem.reset(jit.tramp_bytes);
  jit.stats.flushes++;
}

void start_recording(Jit& jit, Frame* frame, int root, int parent, uint32_t parent_exit) {
  auto t = std::make_unique<Trace>();
  t->id = static_cast<int>(jit.traces.size());
  t->code = frame->code;
  t->start_pc = static_cast<uint32_t>(frame->pc - frame->code->code());
  t->parent = parent;
  t->parent_exit = parent_exit;
  t->root = root < 0 ? t->id : root;
  const bool known_root = root >= 0 && root < static_cast<int>(jit.traces.size()) && jit.traces[root];
  t->root_code = known_root ? jit.traces[root]->code : t->code;
  t->root_pc = known_root ? jit.traces[root]->start_pc : t->start_pc;
  if (parent >= 0 && parent < static_cast<int>(jit.traces.size()) && jit.traces[parent])
    t->side_depth = jit.traces[parent]->side_depth + 1;
  Jit* j = &jit;
  jit.rec = std::make_unique<Recorder>(jit.vm, frame, t.get(), jit.options.params,
                                       [j](const Code* code, uint32_t pc) {
                                         Recorder::LoopTrace lt;
                                         lt.id = j->root_at(code, pc);
                                         lt.is_loop = lt.id >= 0 && j->traces[lt.id]->is_loop;
                                         return lt;
                                       });
  jit.rec_trace = std::move(t);
  jit.stats.recorded++;
  if (jit.options.verbose) {
    if (parent < 0) jit.verbose("trace " + std::to_string(jit.rec_trace->id) + ": start recording loop at " +
                                jit.where(frame->code, jit.rec_trace->start_pc));
    else
      jit.verbose("trace " + std::to_string(jit.rec_trace->id) + ": start recording side trace of trace " +
                  std::to_string(parent) + " exit " + std::to_string(parent_exit) + " at " +
                  jit.where(frame->code, jit.rec_trace->start_pc));
  }
}

void end_recording(Jit& jit) {
  jit.rec.reset();
  jit.rec_trace.reset();
}

// Retries of a loop whose recordings keep ending with the loop itself; each
// retry waits for kUnluckyRun back-edges in one activation (at most
// kMaxUnluckyWaits back-edges).
constexpr uint32_t kMaxUnluckyRetries = 8;
constexpr uint32_t kUnluckyRun = 3;
constexpr uint32_t kMaxUnluckyWaits = 20000;

void note_abort(Jit& jit, const std::string& reason, const Code* code, uint32_t pc) {
  Trace& t = *jit.rec_trace;
  std::string at = jit.where(code, pc);
  jit.stats.aborted++;
  jit.stats.abort_reasons[reason + " (" + at + ")"]++;
  if (jit.options.verbose) jit.verbose("trace " + std::to_string(t.id) + ": abort at " + at + ": " + reason);
  if (t.parent < 0 && jit.rec->unlucky() && ++jit.unlucky[LoopKey{t.code, t.start_pc}] <= kMaxUnluckyRetries) {
    // The recorded iteration left the loop (its last one): no fault of the
    // loop's. Try again at its next back-edge instead of counting an abort.
    // Skip a few back-edges at random, so that a loop which always runs the
    // same short pattern is not caught at the same (last) iteration again.
    jit.unlucky_rng = jit.unlucky_rng * 6364136223846793005ull + 1442695040888963407ull;
    uint32_t skip = std::min<uint32_t>(static_cast<uint32_t>(jit.unlucky_rng >> 61), jit.options.params.hotloop - 1);
    const uint32_t* words = t.code->code();
    for (uint32_t i = 0; i < t.code->ninstr; ++i)
      if (static_cast<Op>(words[i] & 0xff) == Op::JUMP_BACKWARD && (words[i] >> 8) == t.start_pc)
        t.code->counters->as<uint32_t>()[i] = jit.options.params.hotloop - 1 - skip;
  } else if (t.parent < 0) {
    LoopKey key{t.code, t.start_pc};
    if (++jit.aborts[key] == jit.options.params.maxabort) {
      jit.stats.blacklisted++;
      if (jit.options.verbose) jit.verbose("loop at " + jit.where(t.code, t.start_pc) + " blacklisted");
    }
  } else {
    uint64_t exit = exit_number(t.parent, t.parent_exit);
    if (++jit.side_aborts[exit] >= jit.options.params.maxabort && t.parent < static_cast<int>(jit.traces.size()) &&
        jit.traces[t.parent])
      jit.traces[t.parent]->snaps[t.parent_exit].side = -2;  // never again
  }
  end_recording(jit);
}

// --jit-perf-map: one "START SIZE name" line per trace in /tmp/perf-PID.map,
// the file Linux perf reads to name samples in JIT code.
void write_perf_map(const Jit& jit, const Trace& t) {
  char path[64];
  std::snprintf(path, sizeof path, "/tmp/perf-%d.map", static_cast<int>(getpid()));
  FILE* f = std::fopen(path, "a");
  if (f == nullptr) return;
  std::string name = "trace" + std::to_string(t.id);
  if (t.parent >= 0) name += "(side " + std::to_string(t.parent) + "/" + std::to_string(t.parent_exit) + ")";
  name += "@" + jit.where(t.code, t.start_pc);
  std::fprintf(f, "%lx %zx %s\n", reinterpret_cast<unsigned long>(t.mcode), t.mcode_size, name.c_str());
  std::fclose(f);
}

// -- Fast exit (jit/exit_link.h) -------------------------------------------------------
// The parent's exit jumps straight to side trace [side] from now on. Runs after
// [side] is compiled and never during a flush (flush() returns before this).
// Failure (code memory full) keeps the slow path through handle_exit.
void link_side_exit(Jit& jit, Trace& parent, const Trace& side) {
  Snapshot& s = parent.snaps[side.parent_exit];
  if (s.linked) return;
  s.linked = true;
  std::string why;
  bool ok = side.inherits ? link_exit_direct(parent, side.parent_exit, side, jit.mem, &why)
                          : link_exit(parent, side.parent_exit, side, jit.mem, &jit.vm.sp, nullptr, &why);
  if (jit.options.verbose)
    jit.verbose("trace " + std::to_string(parent.id) + " exit " + std::to_string(side.parent_exit) +
                (ok ? ": linked to trace " + std::to_string(side.id) : ": not linked: " + why));
}
// -- end fast exit ---------------------------------------------------------------------

void finish_trace(Jit& jit) {
  Trace& t = *jit.rec_trace;
  auto t0 = std::chrono::steady_clock::now();
  drop_unneeded_type_guards(t, jit.rec->type_used());
  dce(t);
  if (t.id >= static_cast<int>(jit.options.params.maxtrace)) {
    if (jit.active == nullptr) flush(jit);
    note_abort(jit, "too many traces (maxtrace)", t.code, t.start_pc);
    return;
  }
  std::string why;
  bool ok = compile_trace(t, jit.mem, jit.tramp, jit.entries.data(), jit.entries.size(), jit.options.dump, &why);
  if (!ok && jit.active == nullptr && jit.mem.used() > jit.tramp_bytes && why.find("memory") != std::string::npos) {
    // Code memory is full: drop everything and let the loop get hot again.
    flush(jit);
    note_abort(jit, why, t.code, t.start_pc);
    return;
  }
  jit.stats.compile_seconds += seconds_since(t0);
  if (!ok) {
    note_abort(jit, "compile failed: " + why, t.code, t.start_pc);
    return;
  }
  jit.stats.compiled++;
  jit.stats.ir_total += t.ir.size();
  jit.stats.mcode_total += t.mcode_size;
  int id = t.id;
  if (t.parent >= 0) {
    jit.stats.side_compiled++;
    // The parent may have been flushed meanwhile (ids are never reused).
    if (t.parent < static_cast<int>(jit.traces.size()) && jit.traces[t.parent]) {
      jit.traces[t.parent]->snaps[t.parent_exit].side = id;
      link_side_exit(jit, *jit.traces[t.parent], t);
    }
  } else {
    jit.roots[LoopKey{t.code, t.start_pc}] = id;
  }
  if (jit.options.verbose) {
    std::string what = t.parent >= 0 ? "side trace of trace " + std::to_string(t.parent) + " exit " +
                                           std::to_string(t.parent_exit) + " attached"
                                     : "compiled loop at " + jit.where(t.code, t.start_pc);
    jit.verbose("trace " + std::to_string(id) + ": " + what + " (" + std::to_string(t.ir.size()) + " IR, " +
                std::to_string(t.snaps.size()) + " exits, " + std::to_string(t.mcode_size) + " bytes)");
  }
  if (jit.options.dump) dump_trace(jit, t);
  if (jit.options.perf_map) write_perf_map(jit, t);
  jit.traces.resize(id + 1);
  jit.entries.resize(id + 1, nullptr);
  jit.entries[id] = t.mcode;
  jit.traces[id] = std::move(jit.rec_trace);
  jit.rec.reset();
}

// Runs trace [id] in [frame] until it exits; the exit restored the frame.
LoopAction run_trace(Jit& jit, int id, Frame* frame) {
  Trace* t = jit.traces[id].get();
  // Exits may rebuild up to maxinline inlined frames, in this trace or in any
  // trace linked from it: where they would not fit (the recursion limit, the
  // frame array or the VM stack), the interpreter runs the loop instead and
  // raises RecursionError itself.
  if (!jit.fits(frame)) return LoopAction::kNone;
  Activation act{};
  act.frame = frame;
  act.exit_fn = &handle_exit;
  act.trace = t;
  act.vm = &jit.vm;
  act.base = frame->locals;
  act.callsite = UINT32_MAX;
  act.prev = jit.active;
  jit.active = &act;
  t->entries++;
  jit.stats.entries++;
  if (jit.options.stats) {
    auto t0 = std::chrono::steady_clock::now();
    jit.tramp.enter(&act, frame->locals, t->mcode);
    jit.stats.trace_seconds += seconds_since(t0);
  } else {
    jit.tramp.enter(&act, frame->locals, t->mcode);
  }
  jit.active = act.prev;
  if (jit.side_request_trace >= 0 && jit.rec == nullptr && jit.active == nullptr) {
    int parent = jit.side_request_trace;
    jit.side_request_trace = -1;
    if (parent < static_cast<int>(jit.traces.size()) && jit.traces[parent]) {
      // The exit's anchor: RETF and links into deeper traces move it off [frame].
      start_recording(jit, act.frame, jit.traces[parent]->root, parent, jit.side_request_snap);
      const Trace& p = *jit.traces[parent];
      jit.rec->start_in_inlined_frames(p, p.snaps[jit.side_request_snap]);
      jit.rec->inherit(p, p.snaps[jit.side_request_snap]);
      return LoopAction::kRecord;
    }
  }
  jit.side_request_trace = -1;
  return LoopAction::kRan;
}

}  // namespace

Jit::Jit(Vm& v, const JitOptions& o)
    : vm(v), options(o), mem(static_cast<size_t>(o.params.maxmcode) * 1024 + 64 * 1024) {}

bool Jit::fits(const Frame* anchor) const {
  const uint32_t n = options.params.maxinline;
  int depth = static_cast<int>(anchor - vm.frames) + 1;
  return depth + static_cast<int>(n) < vm.recursion_limit && anchor + n + 1 < vm.frames_limit &&
         anchor->locals + anchor->code->frame_size() + (n + 1) * kMaxInlineFrameSlots < vm.stack_limit;
}

int Jit::root_at(const Code* code, uint32_t pc) const {
  auto it = roots.find(LoopKey{code, pc});
  return it == roots.end() || entries[it->second] == nullptr ? -1 : it->second;
}

std::string Jit::where(const Code* code, uint32_t pc) const {
  Code* c = const_cast<Code*>(code);
  return std::string(c->filename->view()) + ":" + std::to_string(c->line_at(pc));
}

void Jit::verbose(const std::string& line) const {
  if (!options.verbose) return;
  vm.flush_stdout();
  std::fprintf(stderr, "[jit] %s\n", line.c_str());
}

Jit* jit_create(Vm& vm, const JitOptions& options) {
  auto jit = std::make_unique<Jit>(vm, options);
  if (jit->mem.capacity() == 0) return nullptr;
  jit->tramp = make_trampolines(jit->mem);
  if (jit->tramp.enter == nullptr) return nullptr;
  jit->tramp_bytes = jit->mem.used();
  if (jit->options.params.hotloop == 0) jit->options.params.hotloop = 1;
  if (jit->options.params.hotexit == 0) jit->options.params.hotexit = 1;
  // Exit and call-site numbers hold the trace id and the index in 16 bits each.
  jit->options.params.maxtrace = std::min<uint32_t>(jit->options.params.maxtrace, kExitIndexMask);
  jit->options.params.maxsnap = std::min<uint32_t>(jit->options.params.maxsnap, kExitIndexMask);
  vm.jit = jit.get();
  vm.jit_hotloop = jit->options.params.hotloop;
  vm.jit_roots = &trace_roots;
  return jit.release();
}

void jit_destroy(Jit* jit) {
  if (jit == nullptr) return;
  if (jit->options.stats) print_stats(*jit);
  jit->vm.jit = nullptr;
  jit->vm.jit_hotloop = UINT32_MAX;
  jit->vm.jit_roots = nullptr;
  delete jit;
}

LoopAction on_hot_loop(Jit& jit, Vm& vm, Frame* frame) {
  (void)vm;
  if (jit.rec) return LoopAction::kNone;
  LoopKey key{frame->code, static_cast<uint32_t>(frame->pc - frame->code->code())};
  auto it = jit.roots.find(key);
  if (it != jit.roots.end()) return run_trace(jit, it->second, frame);
  auto ab = jit.aborts.find(key);
  if (ab != jit.aborts.end() && ab->second >= jit.options.params.maxabort) return LoopAction::kNone;
  if (frame->gen != nullptr) return LoopAction::kNone;  // generator frames move their slots
  auto un = jit.unlucky.find(key);
  if (un != jit.unlucky.end() && un->second > 0 && un->second < kMaxUnluckyRetries) {
    // The last recording caught the loop's final iteration (a loop that is
    // usually left early, e.g. by a return): record only in a loop that has
    // already gone round kUnluckyRun times in this activation.
    Jit::Streak& s = jit.streaks[key];
    if (s.frame == frame && s.activation == frame->code->entry_counter) {
      ++s.run;
    } else {
      s.frame = frame;
      s.activation = frame->code->entry_counter;
      s.run = 1;
    }
    if (s.run < kUnluckyRun && ++s.waits < kMaxUnluckyWaits) return LoopAction::kNotYet;
    s.waits = 0;
  }
  start_recording(jit, frame, -1, -1, 0);
  if (un != jit.unlucky.end() && un->second >= kMaxUnluckyRetries) jit.rec->accept_return();
  return LoopAction::kRecord;
}

bool record_step(Jit& jit, Vm& vm, Frame* frame, const uint32_t* pc) {
  (void)vm;
  if (!jit.rec) return false;
  switch (jit.rec->step(frame, pc)) {
    case Recorder::Status::kContinue: return true;
    case Recorder::Status::kClosed: finish_trace(jit); return false;
    case Recorder::Status::kAbort: note_abort(jit, jit.rec->abort_reason(), jit.rec->abort_code(), jit.rec->abort_pc()); return false;
  }
  return false;
}

void record_abort(Jit& jit, const char* reason) {
  if (!jit.rec) return;
  note_abort(jit, reason, jit.rec->current_code(), jit.rec->current_pc());
}

}  // namespace contrail::jit
