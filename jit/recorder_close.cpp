// jit/recorder_close.cpp -- How a recording ends (jit/recorder.h): a root
// trace closes its loop by peeling (LOOPSTART, a re-folded copy of the
// iteration, PHIs), a side trace links to a compiled loop (JTRACE) or closes
// a loop on itself, and anything else ends in an exit (Snapshot::link).
// Invariant: peel_loop either completes or leaves the IR, snapshots and calls
// exactly as they were (undo).
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "jit/recorder.h"
#include "jit/recorder_fields.h"

namespace contrail::jit {

using namespace runtime;
using namespace fields;

// Stores every written slot back to the frame (boxed).
void Recorder::store_back() {
  // A local the code writes before it reads it again keeps its old value
  // (as in snapshots): whatever runs next, trace or interpreter, never sees it.
  for (uint32_t i = 0; i < sp_; ++i)
    if (dirty_[i] && slot_[i] != kNoRef && !dead_local(i, pc_)) {
      IrRef v = box(slot_[i]);
      mem(IrOp::SSTORE, IrType::Void, v, kNoRef, kNoRef, i, kAliasSlot);
    }
}

bool Recorder::keep_recording_at(const LoopTrace& target) {
  if (trace_->parent < 0 || target.id != trace_->root || target.is_loop || passed_header_ || returned_ ||
      !frames_.empty() || code() != trace_->code)
    return false;
  passed_header_ = true;
  return true;
}

Recorder::Status Recorder::close_loop() {
  trace_->is_loop = true;
  if (peel_loop()) return Status::kClosed;
  // Without LOOPSTART, LOOP jumps to the trace's first instruction, which
  // for an inheriting side trace takes values from the parent's registers.
  if (trace_->inherits) return abort("side-trace loop could not be peeled");
  store_back();
  emit(IrOp::LOOP, IrType::Void);
  return Status::kClosed;
}

bool Recorder::peel_loop() {
  Trace& t = *trace_;
  const IrRef n = static_cast<IrRef>(t.ir.size());
  const size_t nsnaps = t.snaps.size(), nentries = t.snap_entries.size(), nframes = t.snap_frames.size(),
               ncalls = t.calls.size(), ncleans = t.clean_entries.size();
  if (2 * nsnaps + 2 > params_.maxsnap || 2 * static_cast<size_t>(n) + 64 > params_.maxrecord) return false;
  // Slot values at the end of the first iteration = at the start of the loop.
  std::vector<IrRef> end1(sp_, kNoRef);
  std::vector<uint8_t> carried(sp_, 0);
  for (uint32_t i = 0; i < sp_; ++i) {
    end1[i] = slot_[i];
    carried[i] = dirty_[i] && slot_[i] != kNoRef;
  }
  auto undo = [&] {
    t.ir.resize(n);
    t.snaps.resize(nsnaps);
    t.snap_entries.resize(nentries);
    t.clean_entries.resize(ncleans);
    t.snap_frames.resize(nframes);
    t.calls.resize(ncalls);
    return false;
  };
  // Memory the loop body writes: loads of anything else stay valid across
  // LOOPSTART, so CSE hoists them out of the loop.
  uint32_t writes = 0;
  for (IrRef i = 0; i < n; ++i) {
    const Ins& in = t.ir[i];
    if (in.op == IrOp::STI || in.op == IrOp::STXV || in.op == IrOp::STXB) writes |= in.alias == kAliasAny ? ~0u : 1u << in.alias;
    else if (in.op == IrOp::CALL && t.calls[in.imm].pure) continue;
    else if (in.op == IrOp::CALL || in.op == IrOp::SSTORE) writes = ~0u;
  }
  fold_.loop_writes = writes;
  Ins start{};
  start.op = IrOp::LOOPSTART;
  start.type = IrType::Void;
  t.emit(start);
  // Variant values of the first iteration: the loop-carried slots' end
  // values (PHI targets) and everything computed from them. A copied
  // instruction with such an operand must not be CSE'd or folded against the
  // first iteration (that value was computed once, before the loop).
  std::vector<uint8_t> variant(n, 0);
  for (uint32_t i = 0; i < sp_; ++i)
    if (carried[i]) variant[end1[i]] = 1;
  auto propagate_variant = [&] {
    for (IrRef i = 0; i < n; ++i) {
      const Ins& in = t.ir[i];
      bool v = (in.a != kNoRef && variant[in.a]) || (in.b != kNoRef && variant[in.b]) ||
               (in.c != kNoRef && variant[in.c]);
      if (in.op == IrOp::CALL)
        for (uint8_t k = 0; k < t.calls[in.imm].nargs; ++k) v |= variant[t.calls[in.imm].args[k]] != 0;
      if (v) variant[i] = 1;
    }
  };
  propagate_variant();
  // Store-to-load forwarding across the back-edge: a field the iteration
  // loads and later stores (a loop counter kept in an object, e.g. an
  // iterator's index, or a global a module-level loop updates), when no
  // other write of its alias class in the iteration can touch it and the
  // address does not change: in the loop body the load is the value the
  // previous iteration stored (a PHI), not a memory access.
  std::vector<IrRef> forward(n, kNoRef);  // load -> the store that feeds it
  {
    // The constant address of a load or store, or 0 (unknown).
    auto const_addr = [&](const Ins& in) -> int64_t {
      if (in.a == kNoRef || t.ir[in.a].op != IrOp::KPTR) return 0;
      int64_t at = t.ir[in.a].imm + in.imm;
      if (in.op == IrOp::LDXV || in.op == IrOp::STXV) {
        if (in.b == kNoRef || t.ir[in.b].op != IrOp::KINT) return 0;
        at += 8 * t.ir[in.b].imm;
      }
      return at;
    };
    bool impure_call = false;
    for (IrRef i = 0; i < n; ++i)
      if (t.ir[i].op == IrOp::CALL && !t.calls[t.ir[i].imm].pure) impure_call = true;
    // Values that may differ from one iteration to the next: frame slots the
    // iteration writes, loads of memory it writes, and whatever is computed
    // from them.
    std::vector<uint8_t> changes(n, 0);
    for (IrRef i = 0; i < n; ++i) {
      const Ins& in = t.ir[i];
      bool c = variant[i] != 0;
      if (in.op == IrOp::SLOAD || in.op == IrOp::PVAL) {
        const uint32_t s = in.op == IrOp::PVAL ? t.inherited[in.imm].slot : static_cast<uint32_t>(in.imm);
        c |= s < sp_ && end1[s] != kNoRef && end1[s] != i;
      } else if (ir_op_flags(in.op) & kIrLoad) {
        c |= in.alias == kAliasAny || in.alias >= 32 || ((writes >> in.alias) & 1) != 0;
      }
      for (IrRef r : {in.a, in.b, in.c}) c |= r != kNoRef && changes[r];
      if (in.op == IrOp::CALL)
        for (uint8_t k = 0; k < t.calls[in.imm].nargs; ++k) c |= changes[t.calls[in.imm].args[k]] != 0;
      changes[i] = c;
    }
    for (IrRef i = 0; i < n && !impure_call; ++i) {
      const Ins& ld = t.ir[i];
      if ((ld.op != IrOp::LDI && ld.op != IrOp::LDXV) || ld.alias == kAliasAny || ld.alias >= 32) continue;
      // The same address in every iteration.
      if (changes[ld.a] || (ld.b != kNoRef && changes[ld.b])) continue;
      const IrOp st_op = ld.op == IrOp::LDI ? IrOp::STI : IrOp::STXV;
      const int64_t addr = const_addr(ld);
      IrRef feed = kNoRef;
      bool clobbered = false;
      for (IrRef j = 0; j < n && !clobbered; ++j) {
        const Ins& st = t.ir[j];
        if (st.op == IrOp::SSTORE ? ld.alias != kAliasSlot
                                  : (st.op != IrOp::STI && st.op != IrOp::STXV && st.op != IrOp::STXB) ||
                                        (st.alias != ld.alias && st.alias != kAliasAny))
          continue;
        // STI's b is the value; STXV's b is the index, like LDXV's.
        const bool same = st.op == st_op && st.a == ld.a && st.imm == ld.imm && (st_op == IrOp::STI || st.b == ld.b);
        if (same && j > i && feed == kNoRef) {
          feed = j;
          continue;
        }
        // Another write of the class: harmless only at another constant address.
        const int64_t other = const_addr(st);
        if (addr == 0 || other == 0 || other == addr) clobbered = true;
      }
      if (feed == kNoRef || clobbered) continue;
      forward[i] = feed;
      variant[i] = 1;
    }
  }
  propagate_variant();  // values computed from a forwarded load vary too
  // The value a forwarding store writes.
  auto stored_value = [&](IrRef st) { return t.ir[st].op == IrOp::STI ? t.ir[st].b : t.ir[st].c; };
  auto is_variant = [&](IrRef r) { return r != kNoRef && r < n && variant[r]; };
  std::vector<IrRef> subst(n, kNoRef);
  std::vector<uint32_t> snap_map(nsnaps, kNoSnap);
  auto sub = [&](IrRef r) { return r == kNoRef ? kNoRef : subst[r]; };
  for (IrRef i = 0; i < n; ++i) {
    Ins ins = t.ir[i];
    if (ins.op == IrOp::NOP || ins.op == IrOp::SETSP) continue;
    if (ir_is_const(ins.op)) {
      subst[i] = i;
      continue;
    }
    if (forward[i] != kNoRef) {
      subst[i] = stored_value(forward[i]);  // stored by the previous iteration; PHI below
      continue;
    }
    if (ins.op == IrOp::SLOAD || ins.op == IrOp::PVAL) {
      // A slot's value at the start of the iteration: its value at the end
      // of the previous one.
      uint32_t s = ins.op == IrOp::PVAL ? t.inherited[ins.imm].slot : static_cast<uint32_t>(ins.imm);
      if (s >= sp_ || end1[s] == kNoRef || end1[s] == i) {
        subst[i] = i;
      } else if (t.ir[end1[s]].type == ins.type) {
        subst[i] = end1[s];
      } else if (ins.type != IrType::Val) {
        return undo();
      } else {
        // A fresh box (not CSE'd with a first-iteration box of the same value).
        Ins b{};
        b.op = t.ir[end1[s]].type == IrType::Int ? IrOp::BOXI : t.ir[end1[s]].type == IrType::Flt ? IrOp::BOXF : IrOp::BOXB;
        b.type = IrType::Val;
        b.a = end1[s];
        subst[i] = is_variant(end1[s]) ? t.emit(b) : fold_emit(t, fold_, b);
      }
      continue;
    }
    if ((ins.a != kNoRef && sub(ins.a) == kNoRef) || (ins.b != kNoRef && sub(ins.b) == kNoRef) ||
        (ins.c != kNoRef && sub(ins.c) == kNoRef))
      return undo();
    ins.a = sub(ins.a);
    ins.b = sub(ins.b);
    ins.c = sub(ins.c);
    if (ins.snap != kNoSnap) {
      uint32_t old = ins.snap;
      if (snap_map[old] == kNoSnap) {
        const Snapshot& os = t.snaps[old];
        Snapshot ns = os;
        ns.taken = 0;
        ns.side = os.side == -2 ? -2 : -1;
        ns.first = static_cast<uint32_t>(t.snap_entries.size());
        std::vector<uint8_t> has(os.nslots, 0);
        for (uint32_t e = 0; e < os.count; ++e) {
          SnapEntry en = t.snap_entries[os.first + e];
          if (sub(en.ref) == kNoRef) return undo();
          has[en.slot] = 1;
          t.snap_entries.push_back(SnapEntry{en.slot, sub(en.ref)});
        }
        // Loop-carried slots are not in memory any more: name their values
        // (anchor-frame slots; locals only where the code still reads them).
        const LocalLiveness& live = liveness(os.code);
        for (uint32_t s2 = 0; s2 < os.nslots && s2 < sp_; ++s2)
          if (carried[s2] && !has[s2] && (s2 >= os.code->nlocals || live.live(os.pc, s2)))
            t.snap_entries.push_back(SnapEntry{s2, end1[s2]});
        ns.count = static_cast<uint32_t>(t.snap_entries.size()) - ns.first;
        ns.first_clean = static_cast<uint32_t>(t.clean_entries.size());
        for (uint32_t e = 0; e < os.nclean; ++e) {
          CleanEntry ce = t.clean_entries[os.first_clean + e];
          // A slot the first iteration writes later is not in memory here.
          if (ce.slot < sp_ && carried[ce.slot]) continue;
          if (sub(ce.ref) == kNoRef) continue;
          ce.ref = sub(ce.ref);
          t.clean_entries.push_back(ce);
        }
        ns.nclean = static_cast<uint32_t>(t.clean_entries.size()) - ns.first_clean;
        ns.first_frame = static_cast<uint32_t>(t.snap_frames.size());
        for (uint32_t k = 0; k < os.nframes; ++k) t.snap_frames.push_back(t.snap_frames[os.first_frame + k]);
        t.snaps.push_back(ns);
        snap_map[old] = static_cast<uint32_t>(t.snaps.size() - 1);
      }
      ins.snap = snap_map[old];
    }
    if (ins.op == IrOp::CALL) {
      CallDesc d = t.calls[ins.imm];
      for (uint8_t k = 0; k < d.nargs; ++k) {
        if (sub(d.args[k]) == kNoRef) return undo();
        d.args[k] = sub(d.args[k]);
      }
      t.calls.push_back(d);
      ins.imm = static_cast<int64_t>(t.calls.size() - 1);
      subst[i] = t.emit(ins);
      continue;
    }
    IrRef r = is_variant(ins.a) || is_variant(ins.b) || is_variant(ins.c) ? fold_emit_variant(t, fold_, ins)
                                                                          : fold_emit(t, fold_, ins);
    if (r == kNoRef && ins.type != IrType::Void) return undo();
    subst[i] = r;
  }
  // A copy's type was relied on where its original's was.
  for (IrRef i = 0; i < n; ++i)
    if (i < type_used_.size() && type_used_[i] && subst[i] != kNoRef) note_type_use(subst[i]);
  // PHIs: each loop-carried slot's value at the end of this copy becomes its
  // value at the next LOOPSTART.
  struct Phi {
    IrRef h, x;
  };
  std::vector<Phi> phis;
  // [h] (a value at LOOPSTART) takes its copy's value at LOOP; false: the
  // copy does not line up (peeling is undone).
  auto add_phi = [&](IrRef h) {
    IrRef x = sub(h);
    if (x == kNoRef || t.ir[x].type != t.ir[h].type) return false;
    if (x == h) return true;
    if (ir_is_const(t.ir[h].op)) return false;
    bool seen = false;
    for (const Phi& p : phis) seen |= p.h == h;
    if (!seen) phis.push_back(Phi{h, x});
    return true;
  };
  const LocalLiveness& header_live = liveness(frame_->code);
  for (uint32_t s2 = 0; s2 < sp_; ++s2) {
    IrRef h = end1[s2];
    if (h == kNoRef) continue;
    // A local the loop writes before reading it needs no value at LOOPSTART.
    if (s2 < frame_->code->nlocals && !header_live.live(trace_->start_pc, s2)) continue;
    if (!add_phi(h)) return undo();
  }
  for (IrRef i = 0; i < n; ++i)
    if (forward[i] != kNoRef && !add_phi(stored_value(forward[i]))) return undo();
  // Strided list accesses: an item load or store whose index grows by a
  // loop-invariant step of a cache line or more (smaller steps stay within
  // the lines the hardware prefetcher follows) prefetches kPrefetchAhead
  // iterations ahead. sieve's marking loop is bound by these misses.
  auto next_of = [&](IrRef h) {
    for (const Phi& p : phis)
      if (p.h == h) return p.x;
    return kNoRef;
  };
  std::vector<std::pair<IrRef, IrRef>> prefetched;  // (base, index)
  for (IrRef i = n + 1, end = static_cast<IrRef>(t.ir.size()); i < end; ++i) {
    const Ins in = t.ir[i];
    const bool bytes = in.op == IrOp::STXB || in.op == IrOp::LDXB;
    if (bytes ? in.alias != kAliasByteItem : (in.op != IrOp::STXV && in.op != IrOp::LDXV) || in.alias != kAliasArrayItem)
      continue;
    const IrRef x = next_of(in.b);
    if (x == kNoRef || next_of(in.a) != kNoRef) continue;  // index not carried, or base varies
    const Ins& step = t.ir[x];
    if ((step.op != IrOp::ADD && step.op != IrOp::ADDOV) || (step.a != in.b && step.b != in.b)) continue;
    const IrRef by = step.a == in.b ? step.b : step.a;
    if (by >= n || next_of(by) != kNoRef) continue;  // the step must be loop-invariant
    const int64_t line = bytes ? 64 : 8;  // items per cache line
    if (t.ir[by].op == IrOp::KINT && t.ir[by].imm > -line && t.ir[by].imm < line) continue;
    if (std::find(prefetched.begin(), prefetched.end(), std::make_pair(in.a, in.b)) != prefetched.end()) continue;
    prefetched.emplace_back(in.a, in.b);
    Ins pf{};
    pf.op = IrOp::PREFETCH;
    pf.type = IrType::Void;
    pf.a = in.a;
    pf.b = in.b;
    pf.c = by;
    pf.imm = in.imm;
    pf.alias = in.alias;  // the item size: 1 byte for kAliasByteItem, else 8
    t.emit(pf);
  }
  for (const Phi& p : phis) {
    Ins phi{};
    phi.op = IrOp::PHI;
    phi.type = IrType::Void;
    phi.a = p.h;
    phi.b = p.x;
    t.emit(phi);
  }
  Ins loop{};
  loop.op = IrOp::LOOP;
  loop.type = IrType::Void;
  t.emit(loop);
  return true;
}

Recorder::Status Recorder::close_link(int target) {
  store_back();
  emit(IrOp::JTRACE, IrType::Void, kNoRef, kNoRef, kNoRef, target);
  return Status::kClosed;
}

Recorder::Status Recorder::close_exit(uint32_t resume_pc, bool link, uint32_t link_pc) {
  // An exit that always leaves, resuming at resume_pc.
  uint32_t saved = pc_;
  pc_ = resume_pc;
  snap_stale_ = true;
  Ins g{};
  g.op = IrOp::GTRUE;
  g.type = IrType::Void;
  g.a = emit_kbool(*trace_, fold_, false);
  g.snap = snapshot();
  pc_ = saved;
  trace_->snaps[g.snap].link = link;
  trace_->snaps[g.snap].link_pc = link_pc;
  trace_->snaps[g.snap].side = -2;  // the trace's end: never grows a side trace
  trace_->emit(g);
  emit(IrOp::LOOP, IrType::Void);  // never reached
  return Status::kClosed;
}

}  // namespace contrail::jit
