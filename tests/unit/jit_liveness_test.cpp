// tests/unit/jit_liveness_test.cpp -- jit/liveness.h on compiled functions:
// a local written before it is read is dead where the write comes first,
// live where a later read can see the old value; loops, exception handlers
// and del count; code that names locals() keeps every local live.
#include <gtest/gtest.h>

#include <string>

#include "jit/liveness.h"
#include "runtime/bytecode.h"
#include "runtime/obj_func.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/vm.h"
#include "src/front/front.h"
#include "src/interp/loader.h"

namespace contrail::jit {
namespace {

using runtime::Code;
using runtime::Op;
using runtime::Value;
using runtime::Vm;
using runtime::VmOptions;

class LivenessTest : public ::testing::Test {
 protected:
  LivenessTest() : vm(VmOptions{}) {}

  // The code object of function [name] defined at the top of [source].
  Code* function(const std::string& source, const std::string& name) {
    front::CompileResult r = front::compile_source(source, "t.py");
    EXPECT_FALSE(r.error);
    if (r.error) return nullptr;
    Value module = interp::load_code(vm, *r.code);
    EXPECT_TRUE(module.is_obj());
    Code* m = module.as<Code>();
    for (uint64_t i = 0; i < m->consts->size; ++i) {
      Value k = m->consts->items[i];
      if (k.is_obj() && k.as_obj()->klass == vm.types.code && k.as<Code>()->name->view() == name) return k.as<Code>();
    }
    ADD_FAILURE() << "no function " << name;
    return nullptr;
  }
  static uint32_t local(Code* c, const std::string& name) {
    for (uint32_t i = 0; i < c->nlocals; ++i)
      if (c->varnames->items[i].as<runtime::Str>()->view() == name) return i;
    ADD_FAILURE() << "no local " << name;
    return 0;
  }
  // The pc of the [nth] instruction [op] with argument [arg].
  static uint32_t pc_of(Code* c, Op op, uint32_t arg, int nth = 0) {
    for (uint32_t pc = 0; pc < c->ninstr; ++pc)
      if (static_cast<Op>(c->code()[pc] & 0xff) == op && (c->code()[pc] >> 8) == arg && nth-- == 0) return pc;
    ADD_FAILURE() << "instruction not found";
    return 0;
  }

  Vm vm;
};

TEST_F(LivenessTest, WrittenBeforeReadIsDead) {
  Code* c = function(
      "def f(n):\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        d = i * 2\n"
      "        t += d\n"
      "    return t\n",
      "f");
  ASSERT_NE(c, nullptr);
  LocalLiveness live(c);
  const uint32_t d = local(c, "d"), t = local(c, "t"), i = local(c, "i");
  const uint32_t store_d = pc_of(c, Op::STORE_FAST, d);
  EXPECT_FALSE(live.live(store_d, d));     // about to be written
  EXPECT_TRUE(live.live(store_d + 1, d));  // read next
  EXPECT_TRUE(live.live(store_d, t));      // accumulated across iterations
  EXPECT_FALSE(live.live(store_d, i));     // the loop writes i before reading it again
}

TEST_F(LivenessTest, ValueNeededAfterTheLoopStaysLive) {
  Code* c = function(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        last = i\n"
      "    return last\n",
      "f");
  ASSERT_NE(c, nullptr);
  LocalLiveness live(c);
  const uint32_t last = local(c, "last");
  // At the loop's exit test, last is read after the loop.
  uint32_t for_iter = 0;
  for (uint32_t pc = 0; pc < c->ninstr; ++pc)
    if (static_cast<Op>(c->code()[pc] & 0xff) == Op::FOR_ITER) for_iter = pc;
  EXPECT_TRUE(live.live(for_iter, last));
}

TEST_F(LivenessTest, HandlersAndDelKeepLocalsLive) {
  Code* c = function(
      "def f(n):\n"
      "    x = 0\n"
      "    try:\n"
      "        x = n * 2\n"
      "        y = 10 // n\n"
      "    except ZeroDivisionError:\n"
      "        return x\n"
      "    z = 1\n"
      "    del z\n"
      "    return y\n",
      "f");
  ASSERT_NE(c, nullptr);
  LocalLiveness live(c);
  const uint32_t x = local(c, "x"), z = local(c, "z");
  // Inside the try, after x's store: the handler reads x.
  EXPECT_TRUE(live.live(pc_of(c, Op::STORE_FAST, x, 1) + 1, x));
  // del reads z (it raises when z is unbound).
  EXPECT_TRUE(live.live(pc_of(c, Op::DELETE_FAST, z), z));
}

TEST_F(LivenessTest, LocalsCallKeepsEverythingLive) {
  Code* c = function(
      "def f(n):\n"
      "    for i in range(n):\n"
      "        d = i\n"
      "    return locals()\n",
      "f");
  ASSERT_NE(c, nullptr);
  LocalLiveness live(c);
  const uint32_t d = local(c, "d");
  EXPECT_TRUE(live.live(pc_of(c, Op::STORE_FAST, d), d));
}

}  // namespace
}  // namespace contrail::jit
