// src/interp/interp.cpp -- The dispatch loop (computed goto) over runtime/bytecode.h.
// One C++ activation of run() executes Python frames until the frame it was
// entered for (is_entry) returns; Python-to-Python calls push frames on the VM
// stack without recursing in C++.
// GC invariant: `sp` is the only live copy of the stack top; SYNC() stores it
// into Vm::sp before anything that can allocate, call out or raise. Every slot
// below it holds a valid Value.
// Exceptions: a handler raises by returning EXCEPTION (pending in Vm::pending);
// the loop jumps to `error`, which records a traceback entry, consults the
// code object's exception table, and otherwise pops the frame.
#include "src/interp/interp.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/obj_dict.h"
#include "runtime/obj_exception.h"
#include "runtime/obj_generator.h"
#include "runtime/inline_cache.h"
#include "runtime/obj_instance.h"
#include "runtime/obj_int.h"
#include "runtime/obj_iter.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_set.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/suggest.h"
#include "src/interp/call.h"
#include "src/interp/loop_helpers.h"
#include "src/interp/import.h"
#include "jit/jit.h"

namespace contrail::interp {

using namespace runtime;

using namespace loop;

// -- The loop --------------------------------------------------------------------

static Value run(Vm& vm, bool throw_pending = false) {
  static const void* const kDispatch[256] = {
#define CT_LABEL(name, operand, effect) &&L_##name,
      CT_BYTECODES(CT_LABEL)
#undef CT_LABEL
  };
  // While the JIT records a trace, every instruction first goes through
  // L_RECORD (jit::record_step), then to its handler.
  static const void* kRecordDispatch[256];
  if (kRecordDispatch[0] == nullptr)
    for (const void*& entry : kRecordDispatch) entry = &&L_RECORD;
  const void* const* dispatch = kDispatch;
  Frame* frame = vm.frame;
  Code* code = frame->code;
  const uint32_t* pc = frame->pc;
  Value* sp = vm.sp;
  Value* locals = frame->locals;
  Value* consts = code->consts->items;
  InlineCache* caches = code->caches->as<InlineCache>();
  uint32_t word = 0, arg = 0;
  bool reraise = false;
  if (throw_pending) {
    sp = vm.sp;
    goto error;
  }

#define SYNC() (vm.sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define NAME(i) (code->names->items[i].as<Str>())
#define ERROR() goto error
#define CHECK(v)                    \
  do {                              \
    if ((v).is_exception()) ERROR(); \
  } while (0)
#define LOAD_FRAME()                 \
  do {                               \
    frame = vm.frame;                \
    code = frame->code;              \
    pc = frame->pc;                  \
    locals = frame->locals;          \
    consts = code->consts->items;    \
    caches = code->caches->as<InlineCache>(); \
  } while (0)
#define NEXT()                                     \
  do {                                             \
    word = *pc++;                                  \
    arg = word >> 8;                               \
    goto* dispatch[word & 0xff];                   \
  } while (0)
#define TARGET(op) L_##op:

  NEXT();

  TARGET(NOP) { NEXT(); }
  TARGET(POP_TOP) {
    --sp;
    NEXT();
  }
  TARGET(COPY) {
    Value v = PEEK(arg);
    PUSH(v);
    NEXT();
  }
  TARGET(SWAP) {
    std::swap(sp[-1], sp[-static_cast<int>(arg)]);
    NEXT();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value::null());
    NEXT();
  }
  TARGET(LOAD_CONST) {
    PUSH(consts[arg]);
    NEXT();
  }
  TARGET(LOAD_FAST) {
    Value v = locals[arg];
    if (v.is_null()) {
      SYNC();
      unbound_local(vm, code, arg);
      ERROR();
    }
    PUSH(v);
    NEXT();
  }
  TARGET(STORE_FAST) {
    locals[arg] = POP();
    NEXT();
  }
  TARGET(DELETE_FAST) {
    if (locals[arg].is_null()) {
      SYNC();
      unbound_local(vm, code, arg);
      ERROR();
    }
    locals[arg] = Value::null();
    NEXT();
  }
  TARGET(LOAD_DEREF) {
    Value v = locals[code->nlocals + arg].as<Cell>()->value;
    if (v.is_null()) {
      SYNC();
      unbound_deref(vm, code, arg);
      ERROR();
    }
    PUSH(v);
    NEXT();
  }
  TARGET(STORE_DEREF) {
    locals[code->nlocals + arg].as<Cell>()->value = POP();
    NEXT();
  }
  TARGET(DELETE_DEREF) {
    Cell* c = locals[code->nlocals + arg].as<Cell>();
    if (c->value.is_null()) {
      SYNC();
      unbound_deref(vm, code, arg);
      ERROR();
    }
    c->value = Value::null();
    NEXT();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(locals[code->nlocals + arg]);
    NEXT();
  }
  TARGET(LOAD_GLOBAL) {
    InlineCache* ic = &caches[pc - 1 - code->code()];
    if (ic->dict == frame->globals && ic->version == frame->globals->version &&
        ic->slot == static_cast<uint32_t>(vm.builtins->version)) {
      PUSH(ic->value);
      NEXT();
    }
    SYNC();
    Value v = load_global(vm, code, frame->globals, NAME(arg));
    CHECK(v);
    *ic = InlineCache{nullptr, nullptr, nullptr, frame->globals, v, frame->globals->version, 
                      static_cast<uint32_t>(vm.builtins->version), 0};
    PUSH(v);
    NEXT();
  }
  TARGET(STORE_GLOBAL) {
    SYNC();
    if (!dict_set(vm, frame->globals, Value::object(NAME(arg)), TOP())) ERROR();
    --sp;
    NEXT();
  }
  TARGET(DELETE_GLOBAL) {
    SYNC();
    Value old = dict_pop(vm, frame->globals, Value::object(NAME(arg)));
    CHECK(old);
    if (old.is_null()) {
      name_error(vm, NAME(arg));
      ERROR();
    }
    NEXT();
  }
  TARGET(LOAD_NAME) {
    // Class bodies look in their namespace first; module code has none.
    SYNC();
    Value v = frame->ns ? dict_get_str(frame->ns, NAME(arg)) : Value::null();
    if (v.is_null()) v = load_global(vm, code, frame->globals, NAME(arg));
    CHECK(v);
    PUSH(v);
    NEXT();
  }
  TARGET(STORE_NAME) {
    if (frame->ns == nullptr) goto L_STORE_GLOBAL;
    SYNC();
    if (!dict_set(vm, frame->ns, Value::object(NAME(arg)), TOP())) ERROR();
    --sp;
    NEXT();
  }
  TARGET(DELETE_NAME) {
    if (frame->ns == nullptr) goto L_DELETE_GLOBAL;
    SYNC();
    Value old = dict_pop(vm, frame->ns, Value::object(NAME(arg)));
    CHECK(old);
    if (old.is_null()) {
      name_error(vm, NAME(arg));
      ERROR();
    }
    NEXT();
  }
  TARGET(LOAD_ATTR) {
    Value obj = TOP();
    InlineCache* ic = &caches[pc - 1 - code->code()];
    if (obj.is_obj() && obj.as_obj()->klass == ic->klass && ic->epoch == vm.class_epoch &&
        obj.as<Instance>()->shape == ic->shape) {
      TOP() = obj.as<Instance>()->slots->items[ic->slot];
      NEXT();
    }
    SYNC();
    Value v = get_attr(vm, obj, NAME(arg));
    CHECK(v);
    fill_load_attr(vm, ic, TOP(), NAME(arg));
    TOP() = v;
    NEXT();
  }
  TARGET(STORE_ATTR) {
    Value obj = sp[-1];
    InlineCache* ic = &caches[pc - 1 - code->code()];
    if (obj.is_obj() && obj.as_obj()->klass == ic->klass && ic->epoch == vm.class_epoch) {
      Instance* inst = obj.as<Instance>();
      if (inst->shape == ic->shape) {
        if (ic->shape2 == nullptr) {
          inst->slots->items[ic->slot] = sp[-2];
          sp -= 2;
          NEXT();
        }
        if (inst->slots != nullptr && ic->slot < inst->slots->capacity) {
          inst->slots->items[ic->slot] = sp[-2];
          inst->shape = ic->shape2;
          sp -= 2;
          NEXT();
        }
      }
    }
    SYNC();
    Shape* before = obj.is_obj() && is_shape_instance(obj, obj.as_obj()->klass) ? obj.as<Instance>()->shape : nullptr;
    if (!set_attr(vm, obj, NAME(arg), sp[-2])) ERROR();
    fill_store_attr(vm, ic, sp[-1], NAME(arg), before);
    sp -= 2;
    NEXT();
  }
  TARGET(DELETE_ATTR) {
    SYNC();
    if (!del_attr(vm, TOP(), NAME(arg))) ERROR();
    --sp;
    NEXT();
  }
  TARGET(LOAD_METHOD) {
    Value obj = TOP();
    InlineCache* ic = &caches[pc - 1 - code->code()];
    if (obj.is_obj() && obj.as_obj()->klass == ic->klass) {
      // A built-in type's method: its dict never changes and the type never
      // dies, so the entry needs no shape and no epoch.
      if (ic->shape == nullptr && !(ic->klass->flags & kKlassUser)) {
        TOP() = ic->value;
        PUSH(obj);
        NEXT();
      }
      if (ic->epoch == vm.class_epoch && obj.as<Instance>()->shape == ic->shape) {
        TOP() = ic->value;
        PUSH(obj);
        NEXT();
      }
    }
    Klass* k = type_of(vm, obj);
    if (k->getattr == nullptr) {
      Str* name = NAME(arg);
      for (Klass* c = k; c != nullptr; c = c->base) {
        Value m = c->dict ? dict_get_str(c->dict, name) : Value::null();
        if (m.is_null()) continue;
        if (m.is_obj() && (m.as_obj()->klass == vm.types.function ||
                           (m.as_obj()->klass == vm.types.native && m.as<Native>()->self.is_null()))) {
          if (obj.is_obj() && !(k->flags & kKlassUser))
            *ic = InlineCache{k, nullptr, nullptr, nullptr, m, 0, 0, 0};
          TOP() = m;
          PUSH(obj);
          NEXT();
        }
        break;
      }
    } else if ((k->flags & kKlassUser) && k->kind == TypeKind::INSTANCE) {
      // A plain function found on the class and not shadowed by the instance:
      // call it unbound with self, without allocating a bound method.
      Value m = mro_lookup(vm, k, NAME(arg));
      if (m.is_obj() && m.as_obj()->klass == vm.types.function && instance_get_own(vm, obj, NAME(arg)).is_null()) {
        if (obj.as<Instance>()->shape != nullptr)
          *ic = InlineCache{k, obj.as<Instance>()->shape, nullptr, nullptr, m, 0, 0, vm.class_epoch};
        TOP() = m;
        PUSH(obj);
        NEXT();
      }
    }
    SYNC();
    Value v = get_attr(vm, obj, NAME(arg));
    CHECK(v);
    TOP() = v;
    PUSH(Value::null());
    NEXT();
  }
  TARGET(BINARY_OP) {
    Value b = sp[-1], a = sp[-2];
    if (a.is_small_int() && b.is_small_int()) {
      int64_t x = a.as_small_int(), y = b.as_small_int(), r;
      switch (static_cast<BinOp>(arg)) {
        case BinOp::ADD:
        case BinOp::IADD:
          r = x + y;
          if (Value::fits_small_int(r)) {
            --sp;
            sp[-1] = Value::small_int(r);
            NEXT();
          }
          break;
        case BinOp::SUB:
        case BinOp::ISUB:
          r = x - y;
          if (Value::fits_small_int(r)) {
            --sp;
            sp[-1] = Value::small_int(r);
            NEXT();
          }
          break;
        case BinOp::MUL:
        case BinOp::IMUL:
          if (!__builtin_mul_overflow(x, y, &r) && Value::fits_small_int(r)) {
            --sp;
            sp[-1] = Value::small_int(r);
            NEXT();
          }
          break;
        default:
          break;
      }
    } else if (a.is_double() && b.is_double()) {
      double x = a.as_double(), y = b.as_double();
      switch (static_cast<BinOp>(arg)) {
        case BinOp::ADD:
        case BinOp::IADD:
          --sp;
          sp[-1] = Value::from_double(x + y);
          NEXT();
        case BinOp::SUB:
        case BinOp::ISUB:
          --sp;
          sp[-1] = Value::from_double(x - y);
          NEXT();
        case BinOp::MUL:
        case BinOp::IMUL:
          --sp;
          sp[-1] = Value::from_double(x * y);
          NEXT();
        case BinOp::TRUEDIV:
        case BinOp::ITRUEDIV:
          if (y != 0.0) {
            --sp;
            sp[-1] = Value::from_double(x / y);
            NEXT();
          }
          break;
        default:
          break;
      }
    }
    SYNC();
    Value r = binary_op(vm, a, b, static_cast<BinOp>(arg));
    CHECK(r);
    --sp;
    TOP() = r;
    NEXT();
  }
  TARGET(UNARY_NEG) {
    SYNC();
    Value r = unary_neg(vm, TOP());
    CHECK(r);
    TOP() = r;
    NEXT();
  }
  TARGET(UNARY_POS) {
    SYNC();
    Value r = unary_pos(vm, TOP());
    CHECK(r);
    TOP() = r;
    NEXT();
  }
  TARGET(UNARY_NOT) {
    SYNC();
    int t = truthy(vm, TOP());
    if (t < 0) ERROR();
    TOP() = Value::boolean(!t);
    NEXT();
  }
  TARGET(UNARY_INVERT) {
    SYNC();
    Value r = unary_invert(vm, TOP());
    CHECK(r);
    TOP() = r;
    NEXT();
  }
  TARGET(COMPARE_OP) {
    Value b = sp[-1], a = sp[-2];
    if (a.is_double() && b.is_double()) {
      double x = a.as_double(), y = b.as_double();
      bool r = false;
      switch (static_cast<CmpOp>(arg)) {
        case CmpOp::LT: r = x < y; break;
        case CmpOp::LE: r = x <= y; break;
        case CmpOp::EQ: r = x == y; break;
        case CmpOp::NE: r = x != y; break;
        case CmpOp::GT: r = x > y; break;
        case CmpOp::GE: r = x >= y; break;
      }
      --sp;
      TOP() = Value::boolean(r);
      NEXT();
    }
    SYNC();
    Value r = compare(vm, a, b, static_cast<CmpOp>(arg));
    CHECK(r);
    --sp;
    TOP() = r;
    NEXT();
  }
  TARGET(IS_OP) {
    Value b = POP();
    bool same = TOP() == b;
    TOP() = Value::boolean(same != (arg != 0));
    NEXT();
  }
  TARGET(CONTAINS_OP) {
    SYNC();
    int r = contains(vm, sp[-1], sp[-2]);
    if (r < 0) ERROR();
    --sp;
    TOP() = Value::boolean((r != 0) != (arg != 0));
    NEXT();
  }
  TARGET(BINARY_SUBSCR) {
    Value key = sp[-1], c = sp[-2];
    if (key.is_small_int() && c.is_obj() && c.as_obj()->klass == vm.types.list) {
      List* l = c.as<List>();
      int64_t i = key.as_small_int();
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
        --sp;
        TOP() = list_item(l, static_cast<uint64_t>(i));
        NEXT();
      }
    }
    SYNC();
    Value r = get_item(vm, c, key);
    CHECK(r);
    --sp;
    TOP() = r;
    NEXT();
  }
  TARGET(STORE_SUBSCR) {
    Value key = sp[-1], c = sp[-2];
    if (key.is_small_int() && c.is_obj() && c.as_obj()->klass == vm.types.list) {
      List* l = c.as<List>();
      int64_t i = key.as_small_int();
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<uint64_t>(i) < l->size) {
        Value v = sp[-3];
        if (l->array != nullptr) [[likely]] {
          l->items()[i] = v;
          sp -= 3;
          NEXT();
        }
        if (fits_byte(v)) {  // else list_store switches the storage
          l->bytes()->data[i] = static_cast<unsigned char>(v.as_small_int());
          sp -= 3;
          NEXT();
        }
      }
    }
    SYNC();
    if (!set_item(vm, c, key, sp[-3])) ERROR();
    sp -= 3;
    NEXT();
  }
  TARGET(DELETE_SUBSCR) {
    SYNC();
    if (!del_item(vm, sp[-2], sp[-1])) ERROR();
    sp -= 2;
    NEXT();
  }
  TARGET(BUILD_SLICE) {
    SYNC();
    Value step = arg == 3 ? sp[-1] : Value::none();
    Value* base = sp - arg;
    Value s = slice_new(vm, base[0], base[1], step);
    CHECK(s);
    sp = base;
    PUSH(s);
    NEXT();
  }
  TARGET(BUILD_TUPLE) {
    SYNC();
    Value t = tuple_from(vm, std::span<const Value>(sp - arg, arg));
    CHECK(t);
    sp -= arg;
    PUSH(t);
    NEXT();
  }
  TARGET(BUILD_LIST) {
    SYNC();
    Value l = list_new(vm, arg);
    CHECK(l);
    std::copy(sp - arg, sp, l.as<List>()->items());
    l.as<List>()->size = arg;
    sp -= arg;
    PUSH(l);
    NEXT();
  }
  TARGET(BUILD_SET) {
    SYNC();
    {
      Value s = set_new(vm);
      CHECK(s);
      PUSH(s);  // rooted on the stack while the items are added
      SYNC();
      for (uint32_t i = 0; i < arg; i++)
        if (!set_add(vm, s, sp[static_cast<ptrdiff_t>(i) - 1 - static_cast<ptrdiff_t>(arg)])) ERROR();
      sp -= arg + 1;
      PUSH(s);
    }
    NEXT();
  }
  TARGET(BUILD_MAP) {
    SYNC();
    Value d = build_map(vm, sp - 2 * arg, arg);
    CHECK(d);
    sp -= 2 * arg;
    PUSH(d);
    NEXT();
  }
  TARGET(BUILD_STRING) {
    SYNC();
    Value s = build_string(vm, sp - arg, arg);
    CHECK(s);
    sp -= arg;
    PUSH(s);
    NEXT();
  }
  TARGET(LIST_APPEND) {
    SYNC();
    if (!list_append(vm, PEEK(arg + 1).as<List>(), TOP())) ERROR();
    --sp;
    NEXT();
  }
  TARGET(SET_ADD) {
    SYNC();
    if (!set_add(vm, PEEK(arg + 1), TOP())) ERROR();
    --sp;
    NEXT();
  }
  TARGET(MAP_ADD) {
    SYNC();
    if (!dict_set(vm, PEEK(arg + 2).as<Dict>(), sp[-2], sp[-1])) ERROR();
    sp -= 2;
    NEXT();
  }
  TARGET(LIST_EXTEND) {
    SYNC();
    {
      Value l = PEEK(arg + 1);
      Value ext = get_attr(vm, l, str_intern(vm, "extend"));
      CHECK(ext);
      PUSH(ext);
      Value r = call1(vm, ext, sp[-2]);
      --sp;
      CHECK(r);
    }
    --sp;
    NEXT();
  }
  TARGET(SET_UPDATE) {
    SYNC();
    if (!set_update(vm, PEEK(arg + 1), TOP())) ERROR();
    --sp;
    NEXT();
  }
  TARGET(DICT_UPDATE)
  TARGET(DICT_MERGE) {
    SYNC();
    {
      Value src = TOP();
      if (!(src.is_obj() && src.as_obj()->klass == vm.types.dict)) {
        raise(vm, vm.types.TypeError, "'" + std::string(type_name(vm, src)) + "' object is not a mapping");
        ERROR();
      }
      Dict* dst = PEEK(arg + 1).as<Dict>();
      uint64_t pos = 0;
      DictEntry* e;
      while (dict_next(TOP().as<Dict>(), &pos, &e)) {
        if ((word & 0xff) == static_cast<uint32_t>(Op::DICT_MERGE)) {
          Value old = dict_get(vm, dst, e->key);
          CHECK(old);
          if (!old.is_null()) {
            raise(vm, vm.types.TypeError, "got multiple values for keyword argument '" +
                                              std::string(e->key.as<Str>()->view()) + "'");
            ERROR();
          }
        }
        if (!dict_set(vm, dst, e->key, e->value)) ERROR();
        dst = PEEK(arg + 1).as<Dict>();
      }
    }
    --sp;
    NEXT();
  }
  TARGET(LIST_TO_TUPLE) {
    SYNC();
    Value t = tuple_from(vm, TOP().as<List>()->span());
    CHECK(t);
    TOP() = t;
    NEXT();
  }
  TARGET(FORMAT_VALUE) {
    SYNC();
    Value spec = (arg & kFormatHasSpec) ? sp[-1] : Value::null();
    Value v = (arg & kFormatHasSpec) ? sp[-2] : sp[-1];
    Value r = format_fstring_value(vm, v, arg & kFormatConvMask, spec);
    CHECK(r);
    if (arg & kFormatHasSpec) --sp;
    TOP() = r;
    NEXT();
  }
  TARGET(UNPACK_SEQUENCE) {
    SYNC();
    Value* out = sp - 1;
    if (!unpack_sequence_into(vm, out, arg)) ERROR();
    sp = out + arg;
    NEXT();
  }
  TARGET(UNPACK_EX) {
    SYNC();
    uint32_t before = arg & 0xff, after = arg >> 8;
    Value* out = sp - 1;
    if (!unpack_ex_into(vm, out, before, after)) ERROR();
    sp = out + before + after + 1;
    NEXT();
  }
  TARGET(JUMP) {
    pc = code->code() + arg;
    NEXT();
  }
  TARGET(JUMP_BACKWARD) {
    uint32_t& counter = code->counters->as<uint32_t>()[pc - 1 - code->code()];
    pc = code->code() + arg;
    if (++counter >= vm.jit_hotloop && vm.jit != nullptr) {
      SYNC();
      frame->pc = pc;
      switch (jit::on_hot_loop(*static_cast<jit::Jit*>(vm.jit), vm, frame)) {
        case jit::LoopAction::kRan:  // the counter stays hot: the next back-edge re-enters the trace
          LOAD_FRAME();                // an exit may have rebuilt inlined frames above this one
          sp = vm.sp;
          break;
        case jit::LoopAction::kRecord:
          counter = 0;
          dispatch = kRecordDispatch;
          LOAD_FRAME();
          sp = vm.sp;
          break;
        case jit::LoopAction::kNone:
          counter = 0;
          break;
        case jit::LoopAction::kNotYet:
          counter = vm.jit_hotloop - 1;
          break;
      }
    }
    NEXT();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    if (v.is_false() || (!v.is_true() && ({
          SYNC();
          int t = truthy(vm, v);
          if (t < 0) ERROR();
          t == 0;
        })))
      pc = code->code() + arg;
    NEXT();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    if (v.is_true() || (!v.is_false() && ({
          SYNC();
          int t = truthy(vm, v);
          if (t < 0) ERROR();
          t == 1;
        })))
      pc = code->code() + arg;
    NEXT();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    SYNC();
    int t = truthy(vm, TOP());
    if (t < 0) ERROR();
    if (!t) pc = code->code() + arg;
    else --sp;
    NEXT();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    SYNC();
    int t = truthy(vm, TOP());
    if (t < 0) ERROR();
    if (t) pc = code->code() + arg;
    else --sp;
    NEXT();
  }
  TARGET(GET_ITER) {
    SYNC();
    Value it = get_iter(vm, TOP());
    CHECK(it);
    TOP() = it;
    NEXT();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    if (it.is_obj() && it.as_obj()->klass == vm.types.range_iterator) {
      SeqIter* ri = it.as<SeqIter>();
      Range* r = ri->seq.as<Range>();
      if (static_cast<int64_t>(ri->index) < r->length) {
        PUSH(Value::small_int(r->start + static_cast<int64_t>(ri->index++) * r->step));
        NEXT();
      }
      --sp;
      pc = code->code() + arg;
      NEXT();
    }
    if (it.is_obj() && it.as_obj()->klass == vm.types.list_iterator) {
      SeqIter* li = it.as<SeqIter>();
      List* l = li->seq.as<List>();
      if (li->index < l->size) {
        PUSH(list_item(l, li->index++));
        NEXT();
      }
      --sp;
      pc = code->code() + arg;
      NEXT();
    }
    SYNC();
    Value v = iter_next(vm, it);
    CHECK(v);
    if (v.is_null()) {
      --sp;
      pc = code->code() + arg;
      NEXT();
    }
    PUSH(v);
    NEXT();
  }
  TARGET(CALL_KW)
  TARGET(CALL) {
    size_t nkw = 0;
    Tuple* kwnames = nullptr;
    if ((word & 0xff) == static_cast<uint32_t>(Op::CALL_KW)) {
      kwnames = POP().as<Tuple>();
      nkw = kwnames->size;
    }
    Value* fslot = sp - arg - 2;
    Value callable = fslot[0];
    Value* args = fslot[1].is_null() ? fslot + 2 : fslot + 1;
    size_t npos = (sp - args) - nkw;
    if (callable.is_obj() && callable.as_obj()->klass == vm.types.method && fslot[1].is_null() &&
        callable.as<BoundMethod>()->func.is_obj() &&
        callable.as<BoundMethod>()->func.as_obj()->klass == vm.types.function) {
      fslot[1] = callable.as<BoundMethod>()->self;
      fslot[0] = callable = callable.as<BoundMethod>()->func;
      args = fslot + 1;
      ++npos;
    }
    if (callable.is_obj() && callable.as_obj()->klass == vm.types.function) {
      if (nkw > 0) *sp = Value::object(kwnames);
      SYNC();
      frame->pc = pc;
      vm.sp = args + npos + nkw + (nkw > 0 ? 1 : 0);
      if (push_frame(vm, callable.as<Function>(), args, npos, nkw, kwnames, fslot, false) == nullptr) {
        vm.sp = sp;
        ERROR();
      }
      LOAD_FRAME();
      sp = vm.sp;
      NEXT();
    }
    if (nkw == 0 && callable.is_obj() && callable.as_obj()->klass == vm.types.type && fslot[1].is_null()) {
      SYNC();
      frame->pc = pc;
      bool simple = false;
      Frame* f = push_init_frame(vm, fslot, npos, &simple);
      if (f != nullptr) {
        LOAD_FRAME();
        sp = vm.sp;
        NEXT();
      }
      if (simple) {
        vm.sp = sp;
        ERROR();
      }
    }
    if (nkw > 0) {
      *sp = Value::object(kwnames);  // keep the names rooted during the call
      vm.sp = sp + 1;
    } else {
      SYNC();
    }
    frame->pc = pc;
    Value r;
    CallArgs ca{std::span<const Value>(args, npos), std::span<const Value>(args + npos, nkw), kwnames};
    if (callable.is_obj() && callable.as_obj()->klass == vm.types.native && callable.as<Native>()->self.is_null())
      r = callable.as<Native>()->fn(vm, ca);
    else
      r = call(vm, callable, ca);
    CHECK(r);
    sp = fslot;
    PUSH(r);
    NEXT();
  }
  TARGET(CALL_EX) {
    SYNC();
    frame->pc = pc;
    Value kwargs = arg ? sp[-1] : Value::null();
    Value* base = sp - (arg ? 4 : 3);
    Value r = call_ex(vm, base[0], base[2], kwargs);
    CHECK(r);
    sp = base;
    PUSH(r);
    NEXT();
  }
  TARGET(MAKE_FUNCTION) {
    SYNC();
    Value f = make_function(vm, frame, arg, sp);
    CHECK(f);
    sp -= 1 + ((arg & kFnDefaults) ? 1 : 0) + ((arg & kFnKwDefaults) ? 1 : 0) + ((arg & kFnClosure) ? 1 : 0);
    PUSH(f);
    NEXT();
  }
  TARGET(RETURN_VALUE) {
    Value result = POP();
    Frame* done = frame;
    if (done->gen != nullptr) static_cast<Generator*>(done->gen)->state = kGenDone;
    vm.frame--;
    if (done->is_entry) {
      vm.sp = done->locals;
      return result;
    }
    sp = done->result_slot + 1;
    if (done->is_init) {  // the result slot already holds the new instance
      LOAD_FRAME();
      if (!result.is_none()) {
        SYNC();
        raise_init_result(vm, result);
        ERROR();
      }
      NEXT();
    }
    *done->result_slot = result;
    LOAD_FRAME();
    NEXT();
  }
  TARGET(IMPORT_NAME) {
    SYNC();
    frame->pc = pc;
    Value m = import_module(vm, NAME(arg));
    CHECK(m);
    TOP() = m;
    NEXT();
  }
  TARGET(IMPORT_FROM) {
    SYNC();
    Value v = import_from(vm, TOP(), NAME(arg));
    CHECK(v);
    PUSH(v);
    NEXT();
  }
  TARGET(IMPORT_STAR) {
    SYNC();
    if (!import_star(vm, TOP(), frame->globals)) ERROR();
    --sp;
    NEXT();
  }
  TARGET(RAISE_VARARGS) {
    SYNC();
    frame->pc = pc;
    if (arg == 0) {
      if (!vm.handling.is_obj()) {
        raise(vm, vm.types.RuntimeError, "No active exception to reraise");
        ERROR();
      }
      vm.pending = vm.handling;
      reraise = true;
      ERROR();
    }
    Value cause = arg == 2 ? sp[-1] : Value::null();
    Value exc = arg == 2 ? sp[-2] : sp[-1];
    do_raise(vm, exc, cause);
    ERROR();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::object(vm.types.AssertionError));
    NEXT();
  }
  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    TOP() = vm.handling;
    PUSH(exc);
    vm.handling = exc;
    NEXT();
  }
  TARGET(POP_EXCEPT) {
    vm.handling = POP();
    NEXT();
  }
  TARGET(CHECK_EXC_MATCH) {
    SYNC();
    int m = check_exc_match(vm, sp[-2], sp[-1]);
    if (m < 0) ERROR();
    TOP() = Value::boolean(m != 0);
    NEXT();
  }
  TARGET(RERAISE) {
    vm.pending = POP();
    SYNC();
    reraise = true;
    ERROR();
  }
  TARGET(BEFORE_WITH) {
    SYNC();
    frame->pc = pc;
    Value exit = Value::null();
    Value r = with_enter(vm, TOP(), &exit);
    CHECK(r);
    TOP() = exit;
    PUSH(r);
    NEXT();
  }
  TARGET(WITH_EXCEPT_START) {
    SYNC();
    frame->pc = pc;
    {
      Value exc = sp[-1];
      Value exit = sp[-3];
      Value* base = sp;
      base[0] = Value::object(type_of(vm, exc));
      base[1] = exc;
      Exception* e = exc.as<Exception>();
      base[2] = e->traceback ? Value::object(e->traceback) : Value::none();
      vm.sp = base + 3;
      Value r = call(vm, exit, CallArgs{std::span<const Value>(base, 3), {}, nullptr});
      vm.sp = sp;
      CHECK(r);
      PUSH(r);
    }
    NEXT();
  }
  TARGET(LOAD_BUILD_CLASS) {
    SYNC();
    Value bc = dict_get_str(vm.builtins, str_intern(vm, "__build_class__"));
    if (bc.is_null()) {
      raise(vm, vm.types.NameError, "__build_class__ not found");
      ERROR();
    }
    PUSH(bc);
    NEXT();
  }
  TARGET(RETURN_GENERATOR) {
    SYNC();
    Value g = make_generator(vm, frame, pc, sp);
    CHECK(g);
    Frame* done = frame;
    vm.frame--;
    if (done->is_entry) {
      vm.sp = done->locals;
      return g;
    }
    sp = done->result_slot + 1;
    if (done->is_init) {  // a generator __init__ returns a generator, not None
      LOAD_FRAME();
      SYNC();
      raise_init_result(vm, g);
      ERROR();
    }
    *done->result_slot = g;
    LOAD_FRAME();
    NEXT();
  }
  TARGET(YIELD_VALUE) {
    Value v = POP();
    SYNC();
    save_generator(frame, pc, sp);
    vm.frame--;
    vm.sp = frame->locals;
    return v;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    if (!(v.is_obj() && v.as_obj()->klass == vm.types.generator)) {
      SYNC();
      Value it = get_iter(vm, v);
      CHECK(it);
      TOP() = it;
    }
    NEXT();
  }
  TARGET(SEND) {
    SYNC();
    frame->pc = pc;
    Value returned = Value::none();
    Value r = send_to(vm, sp[-2], sp[-1], &returned);
    CHECK(r);
    if (r.is_null()) {
      sp -= 2;
      PUSH(returned);
      pc = code->code() + arg;
      NEXT();
    }
    TOP() = r;
    NEXT();
  }

L_RECORD : {
  SYNC();
  if (!jit::record_step(*static_cast<jit::Jit*>(vm.jit), vm, frame, pc - 1)) dispatch = kDispatch;
  goto* kDispatch[word & 0xff];
}

error : {
  // vm.pending holds the exception; sp is this frame's stack top.
  SYNC();
  if (dispatch != kDispatch) {
    jit::record_abort(*static_cast<jit::Jit*>(vm.jit), "exception raised");
    dispatch = kDispatch;
  }
  if (vm.pending.is_obj() && vm.handling.is_obj() && vm.pending != vm.handling) {
    Exception* e = vm.pending.as<Exception>();
    if (e->context.is_none() && vm.pending != vm.memory_error) e->context = vm.handling;
  }
  uint32_t at = static_cast<uint32_t>(pc - 1 - code->code());
  if (!reraise) add_traceback(vm, code, code->line_at(at));
  reraise = false;
  if (const ExceptionRange* h = find_handler(code, at)) {
    sp = frame->stack_base + h->depth;
    PUSH(vm.pending);
    vm.pending = Value::null();
    pc = code->code() + h->handler;
    NEXT();
  }
  Frame* done = frame;
  if (done->gen != nullptr) {
    static_cast<Generator*>(done->gen)->state = kGenDone;
    if (is_instance(vm, vm.pending, vm.types.StopIteration)) {
      RootValue stop(vm, vm.pending);
      vm.pending = Value::null();
      raise(vm, vm.types.RuntimeError, "generator raised StopIteration");
      if (vm.pending.is_obj() && vm.pending != vm.memory_error) {
        vm.pending.as<Exception>()->cause = stop;
        vm.pending.as<Exception>()->context = stop;
        vm.pending.as<Exception>()->suppress_context = 1;
      }
    }
  }
  vm.frame--;
  if (done->is_entry) {
    vm.sp = done->locals;
    return Value::exception();
  }
  sp = done->result_slot + 1;
  LOAD_FRAME();
  pc = frame->pc;
  goto error;
}
#undef SYNC
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef NAME
#undef ERROR
#undef CHECK
#undef LOAD_FRAME
#undef NEXT
#undef TARGET
}

// -- Entry points ------------------------------------------------------------------

namespace {

// Nested C++ entries into the loop (natives calling back into Python); the
// VM thread's 1 GiB stack holds this many, so sys.getrecursionlimit() is what
// normally stops deep recursion.
constexpr int kMaxNativeDepth = 20000;

Value call_python_hook(Vm& vm, Value fn, const CallArgs& args) { return call_function(vm, fn, args); }

Value run_class_body_hook(Vm& vm, Value func, Dict* ns) {
  if (!(func.is_obj() && func.as_obj()->klass == vm.types.function))
    return raise(vm, vm.types.TypeError, "__build_class__: func must be a function");
  Value* base = vm.sp;
  base[0] = func;
  base[1] = Value::object(ns);
  vm.sp = base + 2;
  Frame* f = push_frame(vm, func.as<Function>(), base + 2, 0, 0, nullptr, nullptr, true);
  if (f == nullptr) {
    vm.sp = base;
    return Value::exception();
  }
  f->ns = ns;
  vm.native_depth++;
  Value r = run(vm);
  vm.native_depth--;
  vm.sp = base;
  return r;
}

// Forwards gen.throw() into the sub-iterator of a `yield from` the generator
// is suspended in. Returns true when the caller should return [*out] as is.
bool throw_into_delegate(Vm& vm, Generator* g, Value* throw_exc, Value* out) {
  const uint32_t* code = g->code->code();
  if (g->pc < 2 || Instr::op(code[g->pc - 1]) != Op::YIELD_VALUE || Instr::op(code[g->pc - 2]) != Op::SEND)
    return false;
  uint32_t nslots = g->code->nlocals + g->code->ncells + g->code->nfree;
  Value sub = g->frame->items[nslots + g->stack_depth - 1];
  if (!(sub.is_obj() && sub.as_obj()->klass == vm.types.generator)) return false;
  Value returned = Value::none();
  Value r = vm.resume_generator(vm, sub.as_obj(), Value::none(), *throw_exc, &returned);
  if (r.is_exception()) {  // raise the sub-generator's exception in this frame
    *throw_exc = vm.pending;
    vm.pending = Value::null();
    return false;
  }
  if (!r.is_null()) {
    *out = r;
    return true;
  }
  // The sub-generator finished: continue after the `yield from` with its value.
  g->frame->items[nslots + g->stack_depth - 1] = returned;
  g->pc = Instr::arg(code[g->pc - 2]);
  *throw_exc = Value::null();
  return false;
}

Value resume_generator_hook(Vm& vm, Obj* gobj, Value sent, Value throw_exc, Value* returned) {
  Generator* g = static_cast<Generator*>(gobj);
  if (g->state == kGenRunning) return raise(vm, vm.types.ValueError, "generator already executing");
  if (g->state == kGenDone) {
    if (!throw_exc.is_null()) return raise_value(vm, throw_exc);
    *returned = Value::none();
    return Value::null();
  }
  if (g->state == kGenCreated) {
    if (!throw_exc.is_null()) {
      g->state = kGenDone;
      return raise_value(vm, throw_exc);
    }
    if (!sent.is_none())
      return raise(vm, vm.types.TypeError, "can't send non-None value to a just-started generator");
  }
  if (vm.native_depth >= kMaxNativeDepth)
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  Value* base = vm.sp;
  base[0] = Value::object(g);
  base[1] = sent;
  base[2] = throw_exc;
  vm.sp = base + 3;
  bool resumed = g->state == kGenSuspended;
  if (!throw_exc.is_null() && resumed) {
    Value out;
    g->state = kGenRunning;
    bool done = throw_into_delegate(vm, g, &throw_exc, &out);
    g = base[0].as<Generator>();
    g->state = kGenSuspended;
    if (done) {
      vm.sp = base;
      return out;
    }
  }
  Code* code = g->code;
  uint32_t nslots = code->nlocals + code->ncells + code->nfree;
  Value* locals = base + 3;
  if (vm.frame + 1 >= vm.frames_limit || locals + nslots + code->max_stack + 1 >= vm.stack_limit ||
      vm.depth() >= vm.recursion_limit) {
    vm.sp = base;
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  }
  std::copy(g->frame->items, g->frame->items + nslots + g->stack_depth, locals);
  Frame* f = ++vm.frame;
  f->func = g->func;
  f->code = code;
  f->globals = g->globals;
  f->locals = locals;
  f->stack_base = locals + nslots;
  f->pc = code->code() + g->pc;
  f->result_slot = nullptr;
  f->is_entry = 1;
  f->is_init = 0;
  f->gen = g;
  f->ns = nullptr;
  Value* sp = f->stack_base + g->stack_depth;
  if (resumed && throw_exc.is_null()) *sp++ = sent;
  vm.sp = sp;
  g->state = kGenRunning;
  if (!throw_exc.is_null()) vm.pending = throw_exc;
  vm.native_depth++;
  size_t roots = vm.root_count();
  Value r = run(vm, !throw_exc.is_null());
  if (vm.root_count() != roots) internal_error(__FILE__, __LINE__, "roots leaked by a generator step");
  vm.native_depth--;
  g = base[0].as<Generator>();
  vm.sp = base;
  if (r.is_exception()) return r;
  if (g->state == kGenDone) {
    *returned = r;
    return Value::null();
  }
  return r;
}

}  // namespace

void install(Vm& vm) {
  vm.call_python = call_python_hook;
  vm.run_class_body = run_class_body_hook;
  vm.resume_generator = resume_generator_hook;
}

Value call_function(Vm& vm, Value fn, const CallArgs& args) {
  if (vm.native_depth >= kMaxNativeDepth)
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  Value* base = vm.sp;
  size_t npos = args.positional.size(), nkw = args.kwvalues.size();
  if (base + npos + nkw + 2 >= vm.stack_limit)
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  std::copy(args.positional.begin(), args.positional.end(), base);
  std::copy(args.kwvalues.begin(), args.kwvalues.end(), base + npos);
  base[npos + nkw] = args.kwnames ? Value::object(args.kwnames) : Value::null();
  base[npos + nkw + 1] = fn;  // rooted while binding
  vm.sp = base + npos + nkw + 2;
  if (push_frame(vm, fn.as<Function>(), base, npos, nkw, args.kwnames, nullptr, true) == nullptr) {
    vm.sp = base;
    return Value::exception();
  }
  vm.native_depth++;
  Value r = run(vm);
  vm.native_depth--;
  vm.sp = base;
  return r;
}

Value run_module(Vm& vm, Code* code, Dict* globals) {
  Value* base = vm.sp;
  uint32_t nslots = code->nlocals + code->ncells + code->nfree;
  if (vm.frame + 1 >= vm.frames_limit || base + nslots + code->max_stack >= vm.stack_limit)
    return raise(vm, vm.types.RecursionError, "maximum recursion depth exceeded");
  std::fill(base, base + nslots, Value::null());
  Frame* f = ++vm.frame;
  f->func = nullptr;
  f->code = code;
  f->globals = globals;
  f->locals = base;
  f->stack_base = base + nslots;
  f->pc = code->code();
  f->result_slot = nullptr;
  f->is_entry = 1;
  f->is_init = 0;
  f->gen = nullptr;
  f->ns = nullptr;
  vm.sp = f->stack_base;
  vm.native_depth++;
  Value r = run(vm);
  vm.native_depth--;
  vm.sp = base;
  return r;
}

}  // namespace contrail::interp
