// tests/unit/jit_opt_test.cpp -- The trace optimiser (jit/opt.h): constant
// folding, algebraic rules, CSE, redundant guards, DCE and the IR dump, on
// small traces built by hand.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "jit/opt.h"
#include "runtime/object.h"

namespace contrail::jit {
namespace {

using runtime::Value;

class OptTest : public ::testing::Test {
 protected:
  Trace t;
  FoldState fs;

  static Ins mk(IrOp op, IrRef a = kNoRef, IrRef b = kNoRef, int64_t imm = 0) {
    Ins ins{op, ir_op_type(op)};
    ins.a = a;
    ins.b = b;
    ins.imm = imm;
    return ins;
  }
  IrRef emit(IrOp op, IrRef a = kNoRef, IrRef b = kNoRef, int64_t imm = 0) {
    return fold_emit(t, fs, mk(op, a, b, imm));
  }
  IrRef guard(IrOp op, IrRef a, int64_t imm = 0, uint32_t snap = 0, IrRef b = kNoRef) {
    Ins ins = mk(op, a, b, imm);
    ins.snap = snap;
    return fold_emit(t, fs, ins);
  }
  IrRef kint(int64_t i) { return emit_kint(t, fs, i); }
  IrRef kflt(double d) { return emit_kflt(t, fs, d); }
  IrRef kval(Value v) { return emit_kval(t, fs, v); }
  IrRef kbool(bool b) { return emit_kbool(t, fs, b); }
  // A Val slot and its unboxed int, as the recorder makes them.
  IrRef int_slot(int64_t slot) {
    IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, slot);
    guard(IrOp::GINT, v);
    return emit(IrOp::UNBOXI, v);
  }
  IrRef flt_slot(int64_t slot) {
    IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, slot);
    guard(IrOp::GFLT, v);
    return emit(IrOp::UNBOXF, v);
  }
  IrRef bool_slot(int64_t slot) {
    IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, slot);
    return emit(IrOp::UNBOXB, v);
  }

  const Ins& at(IrRef r) const { return t.ir.at(r); }
  void expect_kint(IrRef r, int64_t v) {
    ASSERT_NE(r, kNoRef);
    EXPECT_EQ(at(r).op, IrOp::KINT);
    EXPECT_EQ(at(r).type, IrType::Int);
    EXPECT_EQ(at(r).imm, v);
  }
  void expect_kbool(IrRef r, bool v) {
    ASSERT_NE(r, kNoRef);
    EXPECT_EQ(at(r).op, IrOp::KINT);
    EXPECT_EQ(at(r).type, IrType::Bool);
    EXPECT_EQ(at(r).imm, v ? 1 : 0);
  }
  void expect_kflt(IrRef r, double v) {
    ASSERT_NE(r, kNoRef);
    EXPECT_EQ(at(r).op, IrOp::KFLT);
    EXPECT_EQ(std::bit_cast<uint64_t>(std::bit_cast<double>(at(r).imm)), std::bit_cast<uint64_t>(v));
  }
  void expect_kval(IrRef r, Value v) {
    ASSERT_NE(r, kNoRef);
    EXPECT_EQ(at(r).op, IrOp::KVAL);
    EXPECT_EQ(static_cast<uint64_t>(at(r).imm), v.bits());
  }
};

// -- Constants ------------------------------------------------------------------------

TEST_F(OptTest, ConstantsAreInterned) {
  IrRef five = kint(5);
  EXPECT_EQ(kint(5), five);
  EXPECT_NE(kint(6), five);
  EXPECT_EQ(fold_emit(t, fs, mk(IrOp::KINT, kNoRef, kNoRef, 5)), five);
  EXPECT_NE(kbool(true), kint(1));  // Bool constants are KINT typed Bool
  EXPECT_EQ(at(kbool(true)).type, IrType::Bool);
  EXPECT_NE(kflt(0.0), kflt(-0.0));
  EXPECT_EQ(kflt(1.5), kflt(1.5));
  EXPECT_EQ(kval(Value::none()), kval(Value::none()));
  int dummy = 0;
  EXPECT_EQ(emit_kptr(t, fs, &dummy), emit_kptr(t, fs, &dummy));
  EXPECT_EQ(t.ir.size(), 9u);
}

// -- Constant folding ---------------------------------------------------------------

TEST_F(OptTest, FoldsIntArithmetic) {
  expect_kint(emit(IrOp::ADD, kint(2), kint(3)), 5);
  expect_kint(emit(IrOp::SUB, kint(2), kint(3)), -1);
  expect_kint(emit(IrOp::MUL, kint(-4), kint(3)), -12);
  expect_kint(emit(IrOp::MUL, kint(std::numeric_limits<int64_t>::max()), kint(2)), -2);  // wraps
  expect_kint(emit(IrOp::BAND, kint(12), kint(10)), 8);
  expect_kint(emit(IrOp::BOR, kint(12), kint(10)), 14);
  expect_kint(emit(IrOp::BXOR, kint(12), kint(10)), 6);
  expect_kint(emit(IrOp::SHR, kint(-8), kint(1)), -4);
  IrRef shr = emit(IrOp::SHR, kint(-8), kint(64));  // out of range: left to the machine
  EXPECT_EQ(at(shr).op, IrOp::SHR);
}

TEST_F(OptTest, FoldsIntComparisons) {
  expect_kbool(emit(IrOp::LT, kint(1), kint(2)), true);
  expect_kbool(emit(IrOp::LE, kint(2), kint(2)), true);
  expect_kbool(emit(IrOp::GT, kint(1), kint(2)), false);
  expect_kbool(emit(IrOp::GE, kint(-1), kint(2)), false);
  expect_kbool(emit(IrOp::EQ, kint(3), kint(3)), true);
  expect_kbool(emit(IrOp::NE, kint(3), kint(3)), false);
  expect_kbool(emit(IrOp::ULT, kint(-1), kint(1)), false);  // unsigned
  expect_kbool(emit(IrOp::ULT, kint(1), kint(-1)), true);
  expect_kbool(emit(IrOp::EQ, kval(Value::none()), kval(Value::none())), true);
}

TEST_F(OptTest, FoldsFloatOps) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  expect_kflt(emit(IrOp::FADD, kflt(1.5), kflt(2.25)), 3.75);
  expect_kflt(emit(IrOp::FSUB, kflt(1.5), kflt(2.25)), -0.75);
  expect_kflt(emit(IrOp::FMUL, kflt(1.5), kflt(2.0)), 3.0);
  expect_kflt(emit(IrOp::FDIV, kflt(1.0), kflt(4.0)), 0.25);
  expect_kflt(emit(IrOp::FNEG, kflt(0.0)), -0.0);
  expect_kflt(emit(IrOp::FABS, kflt(-2.5)), 2.5);
  expect_kflt(emit(IrOp::FSQRT, kflt(9.0)), 3.0);
  expect_kflt(emit(IrOp::I2F, kint(-3)), -3.0);
  expect_kbool(emit(IrOp::FLT, kflt(1.0), kflt(2.0)), true);
  expect_kbool(emit(IrOp::FGE, kflt(1.0), kflt(2.0)), false);
  expect_kbool(emit(IrOp::FLT, kflt(nan), kflt(2.0)), false);
  expect_kbool(emit(IrOp::FGE, kflt(nan), kflt(2.0)), false);
  expect_kbool(emit(IrOp::FEQ, kflt(nan), kflt(nan)), false);
  expect_kbool(emit(IrOp::FNE, kflt(nan), kflt(nan)), true);
  expect_kbool(emit(IrOp::FLE, kflt(2.0), kflt(2.0)), true);
  expect_kbool(emit(IrOp::FGT, kflt(3.0), kflt(2.0)), true);
}

TEST_F(OptTest, FoldsBoxingAndNot) {
  expect_kval(emit(IrOp::BOXI, kint(-5)), Value::small_int(-5));
  expect_kint(emit(IrOp::UNBOXI, kval(Value::small_int(7))), 7);
  expect_kval(emit(IrOp::BOXF, kflt(2.5)), Value::from_double(2.5));
  // A non-canonical NaN is canonicalised when boxed (keeping its sign).
  IrRef odd_nan = fold_emit(t, fs, mk(IrOp::KFLT, kNoRef, kNoRef, int64_t{0x7FF8000000000123}));
  expect_kval(emit(IrOp::BOXF, odd_nan), Value::from_bits(Value::kCanonicalNan));
  IrRef odd_neg = fold_emit(t, fs, mk(IrOp::KFLT, kNoRef, kNoRef, static_cast<int64_t>(0xFFF4000000000001ull)));
  expect_kval(emit(IrOp::BOXF, odd_neg), Value::from_bits(Value::kCanonicalNan | Value::kSignBit));
  expect_kflt(emit(IrOp::UNBOXF, kval(Value::from_double(-1.25))), -1.25);
  expect_kval(emit(IrOp::BOXB, kbool(true)), Value::boolean(true));
  expect_kbool(emit(IrOp::UNBOXB, kval(Value::boolean(false))), false);
  expect_kbool(emit(IrOp::NOT, kbool(false)), true);
  expect_kbool(emit(IrOp::NOT, kbool(true)), false);
  // Unboxing a constant of the wrong kind is left for the guard in front of it.
  EXPECT_EQ(at(emit(IrOp::UNBOXI, kval(Value::none()))).op, IrOp::UNBOXI);
  // So is boxing an int outside the small-int range.
  EXPECT_EQ(at(emit(IrOp::BOXI, kint(Value::kSmallIntMax + 1))).op, IrOp::BOXI);
}

TEST_F(OptTest, CheckedOpsFoldOnlyInsideSmallIntRange) {
  expect_kint(guard(IrOp::ADDOV, kint(Value::kSmallIntMax - 1), 0, 3, kint(1)), Value::kSmallIntMax);
  IrRef ovf = guard(IrOp::ADDOV, kint(Value::kSmallIntMax), 0, 3, kint(1));
  ASSERT_NE(ovf, kNoRef);
  EXPECT_EQ(at(ovf).op, IrOp::ADDOV);
  EXPECT_EQ(at(ovf).snap, 3u);  // the guard keeps its snapshot

  expect_kint(guard(IrOp::SUBOV, kint(Value::kSmallIntMin + 1), 0, 4, kint(1)), Value::kSmallIntMin);
  EXPECT_EQ(at(guard(IrOp::SUBOV, kint(Value::kSmallIntMin), 0, 4, kint(1))).op, IrOp::SUBOV);

  expect_kint(guard(IrOp::MULOV, kint(int64_t{1} << 23), 0, 5, kint(int64_t{1} << 23)), int64_t{1} << 46);
  EXPECT_EQ(at(guard(IrOp::MULOV, kint(int64_t{1} << 24), 0, 5, kint(int64_t{1} << 23))).op, IrOp::MULOV);
  // 64-bit overflow does not wrap into range.
  EXPECT_EQ(at(guard(IrOp::MULOV, kint(int64_t{1} << 62), 0, 5, kint(4))).op, IrOp::MULOV);

  expect_kint(guard(IrOp::NEGOV, kint(Value::kSmallIntMax), 0, 6), -Value::kSmallIntMax);
  EXPECT_EQ(at(guard(IrOp::NEGOV, kint(Value::kSmallIntMin), 0, 6)).op, IrOp::NEGOV);
}

// -- Algebraic simplification --------------------------------------------------------

TEST_F(OptTest, SimplifiesIdentities) {
  IrRef x = int_slot(1);
  EXPECT_EQ(emit(IrOp::ADD, x, kint(0)), x);
  EXPECT_EQ(emit(IrOp::ADD, kint(0), x), x);
  EXPECT_EQ(emit(IrOp::SUB, x, kint(0)), x);
  EXPECT_EQ(emit(IrOp::MUL, x, kint(1)), x);
  EXPECT_EQ(emit(IrOp::MUL, kint(1), x), x);
  expect_kint(emit(IrOp::MUL, x, kint(0)), 0);
  expect_kint(emit(IrOp::SUB, x, x), 0);
  expect_kint(emit(IrOp::BXOR, x, x), 0);
  EXPECT_EQ(emit(IrOp::BAND, x, kint(-1)), x);
  EXPECT_EQ(emit(IrOp::BOR, x, kint(0)), x);
  EXPECT_EQ(emit(IrOp::SHR, x, kint(0)), x);
  EXPECT_EQ(guard(IrOp::ADDOV, x, 0, 1, kint(0)), x);
  EXPECT_EQ(guard(IrOp::ADDOV, kint(0), 0, 1, x), x);
  EXPECT_EQ(guard(IrOp::SUBOV, x, 0, 1, kint(0)), x);
  EXPECT_EQ(guard(IrOp::MULOV, x, 0, 1, kint(1)), x);
  expect_kint(guard(IrOp::MULOV, x, 0, 1, kint(0)), 0);
  // Not identities: x+1 and x-1 stay.
  EXPECT_EQ(at(emit(IrOp::ADD, x, kint(1))).op, IrOp::ADD);
  EXPECT_EQ(at(guard(IrOp::SUBOV, kint(0), 0, 1, x)).op, IrOp::SUBOV);  // 0-x is not x
  expect_kbool(emit(IrOp::LT, x, x), false);
  expect_kbool(emit(IrOp::GE, x, x), true);
}

TEST_F(OptTest, NoFloatAlgebra) {
  IrRef f = flt_slot(1);
  EXPECT_EQ(at(emit(IrOp::FADD, f, kflt(0.0))).op, IrOp::FADD);  // -0.0 + 0.0 is 0.0
  EXPECT_EQ(at(emit(IrOp::FEQ, f, f)).op, IrOp::FEQ);            // NaN != NaN
}

TEST_F(OptTest, CancelsBoxUnboxPairs) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 1);
  IrRef i = emit(IrOp::UNBOXI, v);
  EXPECT_EQ(emit(IrOp::BOXI, i), v);
  IrRef sum = emit(IrOp::ADD, i, kint(1));
  IrRef boxed = emit(IrOp::BOXI, sum);
  EXPECT_EQ(at(boxed).op, IrOp::BOXI);
  EXPECT_EQ(emit(IrOp::UNBOXI, boxed), sum);

  IrRef fv = emit(IrOp::SLOAD, kNoRef, kNoRef, 2);
  IrRef fl = emit(IrOp::UNBOXF, fv);
  EXPECT_EQ(emit(IrOp::BOXF, fl), fv);
  IrRef prod = emit(IrOp::FMUL, fl, fl);
  EXPECT_EQ(emit(IrOp::UNBOXF, emit(IrOp::BOXF, prod)), prod);

  IrRef bv = emit(IrOp::SLOAD, kNoRef, kNoRef, 3);
  IrRef b = emit(IrOp::UNBOXB, bv);
  EXPECT_EQ(emit(IrOp::BOXB, b), bv);
}

TEST_F(OptTest, SimplifiesNot) {
  IrRef b = bool_slot(1);
  EXPECT_EQ(emit(IrOp::NOT, emit(IrOp::NOT, b)), b);

  IrRef x = int_slot(2), y = int_slot(3);
  IrRef ge = emit(IrOp::NOT, emit(IrOp::LT, x, y));
  EXPECT_EQ(at(ge).op, IrOp::GE);
  EXPECT_EQ(at(ge).a, x);
  EXPECT_EQ(at(ge).b, y);
  EXPECT_EQ(emit(IrOp::GE, x, y), ge);  // and it meets the explicit one in CSE
  EXPECT_EQ(at(emit(IrOp::NOT, emit(IrOp::EQ, x, y))).op, IrOp::NE);
  EXPECT_EQ(at(emit(IrOp::NOT, emit(IrOp::ULT, x, y))).op, IrOp::NOT);  // no UGE

  IrRef f = flt_slot(4), g = flt_slot(5);
  EXPECT_EQ(at(emit(IrOp::NOT, emit(IrOp::FLT, f, g))).op, IrOp::NOT);  // NaN: !(f<g) != f>=g
  EXPECT_EQ(at(emit(IrOp::NOT, emit(IrOp::FEQ, f, g))).op, IrOp::FNE);
  EXPECT_EQ(at(emit(IrOp::NOT, emit(IrOp::FNE, f, g))).op, IrOp::FEQ);
}

TEST_F(OptTest, NormalisesOperandOrder) {
  IrRef x = int_slot(1), y = int_slot(2);
  IrRef add = emit(IrOp::ADD, kint(5), x);
  EXPECT_EQ(at(add).a, x);
  EXPECT_EQ(at(add).b, kint(5));
  EXPECT_EQ(emit(IrOp::ADD, x, kint(5)), add);
  EXPECT_EQ(emit(IrOp::MUL, y, x), emit(IrOp::MUL, x, y));
  IrRef gt = emit(IrOp::LT, kint(5), x);  // 5 < x  ==  x > 5
  EXPECT_EQ(at(gt).op, IrOp::GT);
  EXPECT_EQ(at(gt).a, x);
  EXPECT_EQ(at(gt).b, kint(5));
  EXPECT_NE(emit(IrOp::SUB, y, x), emit(IrOp::SUB, x, y));  // not commutative
}

// -- Guards -----------------------------------------------------------------------------

TEST_F(OptTest, RemovesGuardsOnConstants) {
  IrRef k1 = kbool(true), k0 = kbool(false);
  const size_t n0 = t.ir.size();
  EXPECT_EQ(guard(IrOp::GTRUE, k1), kNoRef);
  EXPECT_EQ(guard(IrOp::GFALSE, k0), kNoRef);
  EXPECT_EQ(t.ir.size(), n0);
  IrRef fails = guard(IrOp::GTRUE, k0, 0, 7);  // always exits: kept, with its snap
  ASSERT_NE(fails, kNoRef);
  EXPECT_EQ(at(fails).op, IrOp::GTRUE);
  EXPECT_EQ(at(fails).snap, 7u);

  EXPECT_EQ(guard(IrOp::GINT, kval(Value::small_int(3))), kNoRef);
  EXPECT_NE(guard(IrOp::GINT, kval(Value::from_double(3.0))), kNoRef);
  EXPECT_EQ(guard(IrOp::GFLT, kval(Value::from_double(3.0))), kNoRef);
  EXPECT_NE(guard(IrOp::GFLT, kval(Value::none())), kNoRef);
  EXPECT_EQ(guard(IrOp::GEQV, kval(Value::none()), static_cast<int64_t>(Value::kNoneBits)), kNoRef);
  EXPECT_NE(guard(IrOp::GEQV, kval(Value::none()), static_cast<int64_t>(Value::kTrueBits)), kNoRef);
  EXPECT_EQ(guard(IrOp::GEQP, kint(42), 42), kNoRef);

  static runtime::Klass klass{};
  static runtime::Klass other{};
  static runtime::Obj obj{};
  obj.klass = &klass;
  IrRef ko = kval(Value::object(&obj));
  EXPECT_EQ(guard(IrOp::GKLASS, ko, reinterpret_cast<int64_t>(&klass)), kNoRef);
  EXPECT_NE(guard(IrOp::GKLASS, ko, reinterpret_cast<int64_t>(&other)), kNoRef);
}

TEST_F(OptTest, RemovesGuardsImpliedByBoxing) {
  IrRef x = int_slot(1);
  EXPECT_EQ(guard(IrOp::GINT, emit(IrOp::BOXI, emit(IrOp::ADD, x, kint(1)))), kNoRef);
  IrRef f = flt_slot(2);
  IrRef boxed = emit(IrOp::BOXF, emit(IrOp::FADD, f, f));
  EXPECT_EQ(guard(IrOp::GFLT, boxed), kNoRef);
  EXPECT_NE(guard(IrOp::GINT, boxed), kNoRef);  // a float is not an int
}

TEST_F(OptTest, GuardOnNotFlipsAndKeepsSnap) {
  IrRef b = bool_slot(1);
  IrRef g = guard(IrOp::GTRUE, emit(IrOp::NOT, b), 0, 9);
  ASSERT_NE(g, kNoRef);
  EXPECT_EQ(at(g).op, IrOp::GFALSE);
  EXPECT_EQ(at(g).a, b);
  EXPECT_EQ(at(g).snap, 9u);
  EXPECT_EQ(guard(IrOp::GFALSE, b, 0, 10), kNoRef);  // now redundant
}

TEST_F(OptTest, IdentityGuardOnBoxedBoolTestsTheBool) {
  IrRef b = emit(IrOp::LT, int_slot(1), int_slot(2));  // a comparison result pushed to a slot
  IrRef boxed = emit(IrOp::BOXB, b);
  IrRef g = guard(IrOp::GEQV, boxed, static_cast<int64_t>(Value::boolean(true).bits()), 7);
  ASSERT_NE(g, kNoRef);
  EXPECT_EQ(at(g).op, IrOp::GTRUE);
  EXPECT_EQ(at(g).a, b);
  EXPECT_EQ(at(g).snap, 7u);
  IrRef c = emit(IrOp::LT, int_slot(3), int_slot(4));
  IrRef h = guard(IrOp::GEQV, emit(IrOp::BOXB, c), static_cast<int64_t>(Value::boolean(false).bits()), 8);
  ASSERT_NE(h, kNoRef);
  EXPECT_EQ(at(h).op, IrOp::GFALSE);
  // Identity with a non-bool never holds for a bool, but stays a guard (the exit decides).
  EXPECT_EQ(at(guard(IrOp::GEQV, boxed, static_cast<int64_t>(Value::none().bits()), 9)).op, IrOp::GEQV);
}

TEST_F(OptTest, RemovesRedundantGuards) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 1);
  EXPECT_NE(guard(IrOp::GINT, v, 0, 0), kNoRef);
  size_t n = t.ir.size();
  EXPECT_EQ(guard(IrOp::GINT, v, 0, 1), kNoRef);
  EXPECT_EQ(t.ir.size(), n);
  EXPECT_NE(guard(IrOp::GFLT, v, 0, 2), kNoRef);  // a different guard stays

  static runtime::Klass k1{}, k2{};
  IrRef w = emit(IrOp::SLOAD, kNoRef, kNoRef, 2);
  EXPECT_NE(guard(IrOp::GKLASS, w, reinterpret_cast<int64_t>(&k1), 3), kNoRef);
  EXPECT_EQ(guard(IrOp::GKLASS, w, reinterpret_cast<int64_t>(&k1), 4), kNoRef);
  EXPECT_NE(guard(IrOp::GKLASS, w, reinterpret_cast<int64_t>(&k2), 5), kNoRef);
  EXPECT_NE(guard(IrOp::GEQV, w, 1, 6), kNoRef);
  EXPECT_EQ(guard(IrOp::GEQV, w, 1, 7), kNoRef);
  IrRef p = emit(IrOp::OBJPTR, w);
  EXPECT_NE(guard(IrOp::GEQP, p, 64, 8), kNoRef);
  EXPECT_EQ(guard(IrOp::GEQP, p, 64, 8), kNoRef);

  IrRef b = bool_slot(3);
  EXPECT_NE(guard(IrOp::GTRUE, b, 0, 9), kNoRef);
  EXPECT_EQ(guard(IrOp::GTRUE, b, 0, 10), kNoRef);
  EXPECT_NE(guard(IrOp::GFALSE, b, 0, 11), kNoRef);  // contradictory: stays
}

// -- Bounds-check widening ------------------------------------------------------------------

class BoundsTest : public OptTest {
 protected:
  // A list's length, as the recorder loads it (ListSize: stores of items keep it).
  IrRef length(int64_t slot) {
    Ins sl = mk(IrOp::SLOAD, kNoRef, kNoRef, slot);
    sl.alias = kAliasSlot;
    IrRef p = emit(IrOp::OBJPTR, fold_emit(t, fs, sl));
    Ins ld = mk(IrOp::LDI, p, kNoRef, 24);
    ld.alias = kAliasListSize;
    return fold_emit(t, fs, ld);
  }
  // GTRUE(ULT k n), the bounds guard of a constant index k.
  IrRef bound(int64_t k, IrRef n, uint32_t snap) {
    return guard(IrOp::GTRUE, emit(IrOp::ULT, kint(k), n), 0, snap);
  }
};

TEST_F(BoundsTest, ConstantIndexGuardBecomesGbound) {
  IrRef n = length(1);
  IrRef g = bound(2, n, 5);
  ASSERT_NE(g, kNoRef);
  EXPECT_EQ(at(g).op, IrOp::GBOUND);
  EXPECT_EQ(at(g).a, n);
  EXPECT_EQ(at(g).imm, 2);
  EXPECT_EQ(at(g).snap, 5u);
  // A variable index keeps its compare.
  IrRef i = int_slot(2);
  IrRef g2 = guard(IrOp::GTRUE, emit(IrOp::ULT, i, n), 0, 6);
  ASSERT_NE(g2, kNoRef);
  EXPECT_EQ(at(g2).op, IrOp::GTRUE);
  // So does a negative constant (ULT -1 n never holds).
  EXPECT_EQ(at(guard(IrOp::GTRUE, emit(IrOp::ULT, kint(-1), n), 0, 7)).op, IrOp::GTRUE);
  // On a constant length the guard folds.
  EXPECT_EQ(bound(2, kint(3), 8), kNoRef);
}

TEST_F(BoundsTest, LaterLargerIndexWidensTheFirstGuard) {
  IrRef n = length(1);
  IrRef g = bound(0, n, 1);
  ASSERT_NE(g, kNoRef);
  const size_t size = t.ir.size();
  EXPECT_EQ(bound(1, n, 2), kNoRef);
  EXPECT_EQ(at(g).imm, 1);
  // A store of an item between them does not change the length (same ref).
  Ins st = mk(IrOp::STXV, emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 1)), kint(0));
  st.c = emit(IrOp::SLOAD, kNoRef, kNoRef, 3);
  st.alias = kAliasArrayItem;
  fold_emit(t, fs, st);
  EXPECT_EQ(length(1), n);
  EXPECT_EQ(bound(6, n, 3), kNoRef);
  EXPECT_EQ(at(g).imm, 6);
  EXPECT_EQ(at(g).snap, 1u);  // the earliest snapshot: resumes before every access
  EXPECT_EQ(bound(3, n, 4), kNoRef);  // already implied
  EXPECT_EQ(at(g).imm, 6);
  // Only the dropped compares and the store's operands were added.
  for (size_t r = size; r < t.ir.size(); r++) EXPECT_NE(at(r).op, IrOp::GBOUND) << r;
}

TEST_F(BoundsTest, DifferentLengthsAreNotWidened) {
  IrRef n1 = length(1), n2 = length(2);
  ASSERT_NE(n1, n2);
  IrRef g1 = bound(0, n1, 1);
  IrRef g2 = bound(4, n2, 2);
  ASSERT_NE(g1, kNoRef);
  ASSERT_NE(g2, kNoRef);
  EXPECT_EQ(at(g1).imm, 0);
  EXPECT_EQ(at(g2).imm, 4);
  // A call may change the list: the length is loaded again, a new value.
  t.calls.push_back(CallDesc{});
  Ins call = mk(IrOp::CALL);
  call.type = IrType::Val;
  fold_emit(t, fs, call);
  IrRef n3 = length(1);
  ASSERT_NE(n3, n1);
  IrRef g3 = bound(5, n3, 3);
  ASSERT_NE(g3, kNoRef);
  EXPECT_EQ(at(g1).imm, 0);
  EXPECT_EQ(at(g3).imm, 5);
}

// In a peeled loop body, a length that varies per iteration (it may be a PHI
// target, i.e. a first-iteration ref) is only widened against body guards.
TEST_F(BoundsTest, VariantLengthsWidenOnlyWithinTheLoopBody) {
  IrRef n = length(1);
  IrRef g0 = bound(1, n, 1);
  ASSERT_NE(g0, kNoRef);
  Ins start = mk(IrOp::LOOPSTART);
  t.emit(start);
  Ins b = mk(IrOp::GBOUND, n, kNoRef, 3);
  b.snap = 2;
  IrRef g1 = fold_emit_variant(t, fs, b);
  ASSERT_NE(g1, kNoRef);  // not dropped or merged with g0: n may differ here
  EXPECT_EQ(at(g0).imm, 1);
  b.imm = 5;
  b.snap = 3;
  EXPECT_EQ(fold_emit_variant(t, fs, b), kNoRef);
  EXPECT_EQ(at(g1).imm, 5);
  EXPECT_EQ(at(g0).imm, 1);
  b.imm = 2;
  EXPECT_EQ(fold_emit_variant(t, fs, b), kNoRef);
  EXPECT_EQ(at(g1).imm, 5);
  // Anything else is appended as is.
  IrRef zero = kint(0);
  Ins add = mk(IrOp::ADD, n, zero);
  const IrRef r = fold_emit_variant(t, fs, add);
  EXPECT_EQ(r, static_cast<IrRef>(t.ir.size() - 1));
  EXPECT_EQ(at(r).op, IrOp::ADD);  // not folded (x + 0 -> x would name a first-iteration ref)
}

// -- Range facts ----------------------------------------------------------------------------

TEST_F(OptTest, IncrementBelowASmallBoundIsUnchecked) {
  IrRef i = int_slot(1), n = int_slot(2);
  guard(IrOp::GTRUE, emit(IrOp::LT, i, n), 0, 3);
  IrRef next = guard(IrOp::ADDOV, i, 0, 4, kint(1));
  EXPECT_EQ(at(next).op, IrOp::ADD);
  EXPECT_EQ(at(next).snap, kNoSnap);
  // The unchecked sum is a small int: a bound for the next increment.
  IrRef j = int_slot(3);
  guard(IrOp::GFALSE, emit(IrOp::GE, j, next), 0, 5);
  EXPECT_EQ(at(guard(IrOp::ADDOV, j, 0, 6, kint(1))).op, IrOp::ADD);
}

TEST_F(OptTest, DecrementAboveASmallBoundIsUnchecked) {
  IrRef lo = int_slot(1), hi = int_slot(2);
  guard(IrOp::GTRUE, emit(IrOp::GT, hi, lo), 0, 3);  // lo < hi
  EXPECT_EQ(at(guard(IrOp::SUBOV, hi, 0, 4, kint(1))).op, IrOp::SUB);
  EXPECT_EQ(at(guard(IrOp::ADDOV, lo, 0, 5, kint(1))).op, IrOp::ADD);
  // Nothing is known about lo - 1 or hi + 1, or steps other than 1.
  EXPECT_EQ(at(guard(IrOp::SUBOV, lo, 0, 6, kint(1))).op, IrOp::SUBOV);
  EXPECT_EQ(at(guard(IrOp::ADDOV, hi, 0, 7, kint(1))).op, IrOp::ADDOV);
  EXPECT_EQ(at(guard(IrOp::ADDOV, lo, 0, 8, kint(2))).op, IrOp::ADDOV);
}

TEST_F(OptTest, OverflowCheckStaysWithoutAProvenBound) {
  IrRef i = int_slot(1);
  // A bound that may exceed the small-int range (a raw int64, here a length).
  IrRef len = emit(IrOp::LDI, emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 2)), kNoRef, 24);
  guard(IrOp::GTRUE, emit(IrOp::LT, i, len), 0, 3);
  EXPECT_EQ(at(guard(IrOp::ADDOV, i, 0, 4, kint(1))).op, IrOp::ADDOV);
  // i <= n (not strict) proves nothing either.
  IrRef n = int_slot(3);
  guard(IrOp::GTRUE, emit(IrOp::LE, i, n), 0, 5);
  EXPECT_EQ(at(guard(IrOp::ADDOV, i, 0, 6, kint(1))).op, IrOp::ADDOV);
}

TEST_F(OptTest, IndexBelowAListLengthStepsUnchecked) {
  IrRef i = int_slot(1), j = int_slot(2);
  IrRef list = emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 3));
  Ins len_ins = mk(IrOp::LDI, list, kNoRef, 24);
  len_ins.alias = kAliasListSize;
  IrRef len = fold_emit(t, fs, len_ins);
  guard(IrOp::GTRUE, emit(IrOp::ULT, i, len), 0, 4);  // 0 <= i < len <= 2**40
  EXPECT_EQ(at(guard(IrOp::ADDOV, i, 0, 5, kint(1))).op, IrOp::ADD);
  EXPECT_EQ(at(guard(IrOp::SUBOV, i, 0, 6, kint(1))).op, IrOp::SUB);
  // An unsigned compare against an int that may be negative proves nothing.
  guard(IrOp::GTRUE, emit(IrOp::ULT, j, i), 0, 7);
  EXPECT_EQ(at(guard(IrOp::ADDOV, j, 0, 8, kint(1))).op, IrOp::ADDOV);
  EXPECT_EQ(at(guard(IrOp::SUBOV, j, 0, 9, kint(1))).op, IrOp::SUBOV);
}

TEST_F(OptTest, LoopStartForgetsOrders) {
  IrRef i = int_slot(1), n = int_slot(2);
  guard(IrOp::GTRUE, emit(IrOp::LT, i, n), 0, 3);
  Ins start = mk(IrOp::LOOPSTART);
  t.emit(start);
  // In the peeled body i names the next iteration's value: checked again.
  Ins add = mk(IrOp::ADDOV, i, kint(1));
  add.snap = 4;
  EXPECT_EQ(at(fold_emit_variant(t, fs, add)).op, IrOp::ADDOV);
  // A guard of the body establishes the order for the rest of the body.
  Ins cmp = mk(IrOp::LT, i, n);
  Ins g = mk(IrOp::GTRUE, fold_emit_variant(t, fs, cmp));
  g.snap = 5;
  fold_emit_variant(t, fs, g);
  add.snap = 6;
  EXPECT_EQ(at(fold_emit_variant(t, fs, add)).op, IrOp::ADD);
}

// -- CSE ----------------------------------------------------------------------------------

TEST_F(OptTest, CsePureInstructions) {
  IrRef x = int_slot(1), y = int_slot(2);
  IrRef add = emit(IrOp::ADD, x, y);
  EXPECT_EQ(emit(IrOp::ADD, x, y), add);
  EXPECT_NE(emit(IrOp::SUB, x, y), add);
  EXPECT_NE(emit(IrOp::ADD, x, kint(2)), add);
  IrRef f = emit(IrOp::I2F, add);
  EXPECT_EQ(emit(IrOp::I2F, add), f);
  // Value guards: the first one dominates, so the second is its value.
  IrRef ov = guard(IrOp::ADDOV, x, 0, 1, y);
  EXPECT_EQ(guard(IrOp::ADDOV, y, 0, 2, x), ov);
  EXPECT_NE(guard(IrOp::SUBOV, x, 0, 3, y), ov);
}

TEST_F(OptTest, CseLoadsWithinMemoryEpoch) {
  IrRef obj = emit(IrOp::SLOAD, kNoRef, kNoRef, 1);
  EXPECT_EQ(emit(IrOp::SLOAD, kNoRef, kNoRef, 1), obj);
  IrRef p = emit(IrOp::OBJPTR, obj);
  IrRef l1 = emit(IrOp::LDV, p, kNoRef, 16);
  EXPECT_EQ(emit(IrOp::LDV, p, kNoRef, 16), l1);
  EXPECT_NE(emit(IrOp::LDV, p, kNoRef, 24), l1);
  EXPECT_NE(emit(IrOp::LDI, p, kNoRef, 16), l1);
  guard(IrOp::GINT, l1, 0, 0);  // guards do not write memory
  EXPECT_EQ(emit(IrOp::LDV, p, kNoRef, 16), l1);

  uint32_t epoch = fs.mem_epoch;
  emit(IrOp::STI, p, kint(5), 32);  // a store ends the epoch
  EXPECT_GT(fs.mem_epoch, epoch);
  IrRef l2 = emit(IrOp::LDV, p, kNoRef, 16);
  EXPECT_NE(l2, l1);
  EXPECT_EQ(emit(IrOp::LDV, p, kNoRef, 16), l2);

  t.calls.push_back(CallDesc{});
  Ins call = mk(IrOp::CALL);
  call.type = IrType::Val;
  fold_emit(t, fs, call);  // so does a call
  EXPECT_NE(emit(IrOp::LDV, p, kNoRef, 16), l2);

  Ins store = mk(IrOp::SSTORE, l2, kNoRef, 1);
  fold_emit(t, fs, store);  // and an SSTORE, for SLOADs
  EXPECT_NE(emit(IrOp::SLOAD, kNoRef, kNoRef, 1), obj);
}

TEST_F(OptTest, LoadAfterStoreReadsTheStoredValue) {
  IrRef arr = emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 1));
  IrRef i = int_slot(2), j = int_slot(3);
  IrRef v = emit(IrOp::BOXI, emit(IrOp::ADD, i, kint(1)));
  auto store_item = [&](IrRef idx, IrRef val) {
    Ins st = mk(IrOp::STXV, arr, idx, 32);
    st.c = val;
    st.alias = kAliasArrayItem;
    fold_emit(t, fs, st);
  };
  auto load_item = [&](IrRef idx) {
    Ins ld = mk(IrOp::LDXV, arr, idx, 32);
    ld.alias = kAliasArrayItem;
    return fold_emit(t, fs, ld);
  };
  store_item(i, v);
  EXPECT_EQ(load_item(i), v);  // forwarded
  IrRef other = load_item(j);  // another index: a real load
  EXPECT_EQ(at(other).op, IrOp::LDXV);
  store_item(j, kval(Value::small_int(0)));  // may alias a[i]: forget the forwarding
  EXPECT_EQ(at(load_item(i)).op, IrOp::LDXV);

  Ins sti = mk(IrOp::STI, arr, i, 24);
  sti.alias = kAliasListSize;
  fold_emit(t, fs, sti);
  Ins ldi = mk(IrOp::LDI, arr, kNoRef, 24);
  ldi.alias = kAliasListSize;
  EXPECT_EQ(fold_emit(t, fs, ldi), i);
}

// LOOPSTART forgets the loads of the classes the loop body writes; even a
// body that calls helpers (loop_writes: everything) writes no immutable class.
TEST_F(OptTest, LoopStartKeepsImmutableLoads) {
  IrRef p = emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 1));
  auto load = [&](uint16_t alias, int64_t off) {
    Ins ld = mk(IrOp::LDI, p, kNoRef, off);
    ld.alias = alias;
    return fold_emit(t, fs, ld);
  };
  IrRef range_len = load(kAliasRangeField, 48);
  IrRef list_len = load(kAliasListSize, 24);
  fs.loop_writes = ~0u;
  t.emit(mk(IrOp::LOOPSTART));
  EXPECT_EQ(load(kAliasRangeField, 48), range_len);
  EXPECT_NE(load(kAliasListSize, 24), list_len);
}

TEST_F(OptTest, StoreEmittedBehindFoldsBackEndsEpoch) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 2);
  t.emit(mk(IrOp::SSTORE, v, kNoRef, 2));  // not through fold_emit
  EXPECT_NE(emit(IrOp::SLOAD, kNoRef, kNoRef, 2), v);
}

TEST_F(OptTest, CallsAreNeverMerged) {
  IrRef x = emit(IrOp::SLOAD, kNoRef, kNoRef, 1);
  CallDesc cd;
  cd.name = "helper";
  cd.args[0] = x;
  cd.nargs = 1;
  t.calls.push_back(cd);
  Ins call = mk(IrOp::CALL);
  call.type = IrType::Val;
  EXPECT_NE(fold_emit(t, fs, call), fold_emit(t, fs, call));
}

// -- DCE ------------------------------------------------------------------------------------

TEST_F(OptTest, DceRemovesUnusedPureKeepsSnapshotted) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 0);    // 0
  guard(IrOp::GINT, v, 0, 0);                        // 1
  IrRef x = emit(IrOp::UNBOXI, v);                   // 2
  IrRef dead = emit(IrOp::ADD, x, kint(1));          // 3, 4
  IrRef kept = emit(IrOp::ADD, x, kint(2));          // 5, 6
  IrRef unused_load = emit(IrOp::SLOAD, kNoRef, kNoRef, 3);  // 7
  IrRef arg = emit(IrOp::MUL, x, kint(3));           // 8, 9
  IrRef dead_arg_ish = emit(IrOp::MUL, x, kint(4));  // 10, 11
  CallDesc cd;
  cd.name = "helper";
  cd.args[0] = arg;
  cd.nargs = 1;
  cd.args[1] = dead_arg_ish;  // beyond nargs: not an argument
  t.calls.push_back(cd);
  Ins call = mk(IrOp::CALL);
  call.type = IrType::Void;
  fold_emit(t, fs, call);                             // 12
  t.snaps.push_back(Snapshot{.pc = 14, .nslots = 5, .first = 0, .count = 1});
  t.snap_entries.push_back(SnapEntry{3, kept});
  fold_emit(t, fs, mk(IrOp::LOOP));                   // 13
  ASSERT_EQ(t.ir.size(), 14u);

  EXPECT_EQ(dce(t), 5u);
  EXPECT_EQ(at(dead).op, IrOp::NOP);
  EXPECT_EQ(at(dead).a, kNoRef);
  EXPECT_EQ(at(dead - 1).op, IrOp::NOP);  // its KINT 1 fed only the dead ADD
  EXPECT_EQ(at(kept).op, IrOp::ADD);
  EXPECT_EQ(at(unused_load).op, IrOp::NOP);
  EXPECT_EQ(at(arg).op, IrOp::MUL);
  EXPECT_EQ(at(dead_arg_ish).op, IrOp::NOP);
  EXPECT_EQ(at(x).op, IrOp::UNBOXI);
  EXPECT_EQ(at(v).op, IrOp::SLOAD);
  EXPECT_EQ(at(1).op, IrOp::GINT);
  EXPECT_EQ(at(12).op, IrOp::CALL);
  EXPECT_EQ(at(13).op, IrOp::LOOP);
  EXPECT_EQ(dce(t), 0u);  // idempotent
}

// A value only copied (loaded, guarded, stored elsewhere, named by a
// snapshot) loses its type guard; the snapshot then names the boxed value.
TEST_F(OptTest, TypeGuardOfACopiedValueIsDropped) {
  IrRef base = emit(IrOp::OBJPTR, emit(IrOp::SLOAD, kNoRef, kNoRef, 1));
  IrRef copied = emit(IrOp::SLOAD, kNoRef, kNoRef, 0);
  IrRef g_copied = guard(IrOp::GINT, copied, 0, 0);
  IrRef u_copied = emit(IrOp::UNBOXI, copied);
  IrRef summed = emit(IrOp::SLOAD, kNoRef, kNoRef, 2);
  IrRef g_summed = guard(IrOp::GFLT, summed, 0, 0);
  IrRef u_summed = emit(IrOp::UNBOXF, summed);
  IrRef relied = emit(IrOp::SLOAD, kNoRef, kNoRef, 3);
  IrRef g_relied = guard(IrOp::GINT, relied, 0, 0);
  IrRef u_relied = emit(IrOp::UNBOXI, relied);
  IrRef passed = emit(IrOp::SLOAD, kNoRef, kNoRef, 4);
  IrRef g_passed = guard(IrOp::GINT, passed, 0, 0);
  emit(IrOp::UNBOXI, passed);
  Ins st = mk(IrOp::STXV, base, kint(0), 32);
  st.c = copied;
  fold_emit(t, fs, st);
  emit(IrOp::SSTORE, emit(IrOp::BOXF, emit(IrOp::FADD, u_summed, kflt(1.0))), kNoRef, 5);  // reads u_summed
  emit(IrOp::SSTORE, relied, kNoRef, 6);
  emit(IrOp::EQ, passed, kval(Value::none()));  // an identity test reads the Val
  t.snaps.push_back(Snapshot{.pc = 3, .nslots = 8, .first = 0, .count = 2});
  t.snap_entries.push_back(SnapEntry{7, u_copied});
  t.snap_entries.push_back(SnapEntry{3, u_relied});
  fold_emit(t, fs, mk(IrOp::LOOP));
  std::vector<uint8_t> type_used(t.ir.size(), 0);
  type_used[u_relied] = 1;  // e.g. unary + relied on it being an int

  EXPECT_EQ(drop_unneeded_type_guards(t, type_used), 1u);
  EXPECT_EQ(at(g_copied).op, IrOp::NOP);
  EXPECT_EQ(t.snap_entries[0].ref, copied);
  EXPECT_EQ(at(g_summed).op, IrOp::GFLT);   // its unboxed value is read
  EXPECT_EQ(at(g_relied).op, IrOp::GINT);   // the recorder relied on its type
  EXPECT_EQ(t.snap_entries[1].ref, u_relied);
  EXPECT_EQ(at(g_passed).op, IrOp::GINT);   // the Val is read by more than a store
  dce(t);
  EXPECT_EQ(at(u_copied).op, IrOp::NOP);
}

TEST_F(OptTest, DceKeepsGuardOperandsAndStores) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 0);
  IrRef x = emit(IrOp::UNBOXI, v);
  IrRef s = guard(IrOp::ADDOV, x, 0, 0, kint(1));  // value guard, result unused: still a guard
  IrRef y = emit(IrOp::SUB, x, kint(2));
  fold_emit(t, fs, mk(IrOp::SSTORE, emit(IrOp::BOXI, y), kNoRef, 0));
  dce(t);
  EXPECT_EQ(at(s).op, IrOp::ADDOV);
  EXPECT_EQ(at(y).op, IrOp::SUB);
  EXPECT_EQ(at(x).op, IrOp::UNBOXI);
  for (const Ins& ins : t.ir) EXPECT_NE(ins.op, IrOp::NOP);
}

// -- Dump ------------------------------------------------------------------------------------

TEST_F(OptTest, DumpListsInstructionsAndSnapshots) {
  IrRef v = emit(IrOp::SLOAD, kNoRef, kNoRef, 3);                // 0000
  guard(IrOp::GINT, v, 0, 0);                                    // 0001
  IrRef x = emit(IrOp::UNBOXI, v);                               // 0002
  IrRef s = guard(IrOp::ADDOV, x, 0, 2, kint(1));                // 0003 K, 0004
  kflt(0.1);                                                     // 0005
  kval(Value::none());                                           // 0006
  kbool(true);                                                   // 0007
  CallDesc cd;
  cd.name = "rt_helper";
  cd.args[0] = s;
  cd.args[1] = kint(7);                                          // 0008
  cd.nargs = 2;
  t.calls.push_back(cd);
  Ins call = mk(IrOp::CALL);
  call.type = IrType::Val;
  fold_emit(t, fs, call);                                        // 0009
  t.snaps.push_back(Snapshot{.pc = 0, .nslots = 4, .first = 0, .count = 0});
  t.snaps.push_back(Snapshot{});
  t.snaps.push_back(Snapshot{.pc = 14, .nslots = 5, .first = 0, .count = 2});
  t.snap_entries.push_back(SnapEntry{3, s});
  t.snap_entries.push_back(SnapEntry{4, kint(1)});
  t.ir.push_back(Ins{IrOp::NOP, IrType::Void});                  // 0010
  const std::string d = ir_dump(t);
  EXPECT_NE(d.find("0000 val  SLOAD  #3\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0001      GINT   0000        snap #0\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0002 int  UNBOXI 0000\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0003 int  KINT   +1\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0004 int  ADDOV  0002 +1     snap #2\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0005 flt  KFLT   0.10000000000000001\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0006 val  KVAL   {None}\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0007 bool KINT   true\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0009 val  CALL   rt_helper(0004, +7)\n"), std::string::npos) << d;
  EXPECT_NE(d.find("0010      NOP\n"), std::string::npos) << d;
  EXPECT_NE(d.find("snap #0 pc=0 nslots=4 []\n"), std::string::npos) << d;
  EXPECT_NE(d.find("snap #2 pc=14 nslots=5 [3=0004 4=+1]\n"), std::string::npos) << d;
  EXPECT_EQ(ir_dump_ins(t, 4), "0004 int  ADDOV  0002 +1     snap #2");
}

TEST_F(OptTest, DumpDecodesValues) {
  kval(Value::small_int(-12));
  kval(Value::from_double(2.0));
  kval(Value::boolean(false));
  kflt(3.0);
  kflt(std::numeric_limits<double>::infinity());
  static runtime::Klass klass{};
  static runtime::Obj obj{};
  obj.klass = &klass;
  IrRef o = kval(Value::object(&obj));
  emit(IrOp::LDV, emit(IrOp::OBJPTR, o), kNoRef, 16);
  const std::string d = ir_dump(t);
  EXPECT_NE(d.find("KVAL   {-12}\n"), std::string::npos) << d;
  EXPECT_NE(d.find("KVAL   {2.0}\n"), std::string::npos) << d;
  EXPECT_NE(d.find("KVAL   {False}\n"), std::string::npos) << d;
  EXPECT_NE(d.find("KFLT   3.0\n"), std::string::npos) << d;
  EXPECT_NE(d.find("KFLT   inf\n"), std::string::npos) << d;
  EXPECT_NE(d.find("KVAL   {obj@0x"), std::string::npos) << d;
  EXPECT_NE(d.find("KPTR   0x"), std::string::npos) << d;  // OBJPTR of a constant folds
  EXPECT_NE(d.find("LDV    0x"), std::string::npos) << d;
  EXPECT_NE(d.find(" [+16]\n"), std::string::npos) << d;
}

}  // namespace
}  // namespace contrail::jit
