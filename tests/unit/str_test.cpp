// tests/unit/str_test.cpp -- Tests runtime/obj_str.cpp, runtime/str_methods.cpp,
// runtime/str_format.cpp and runtime/str_unicode.cpp.
// Expected strings were produced by CPython 3.11 (repr, case mapping,
// formatting); the VM-level tests call the methods the way the interpreter
// does (attribute lookup, then call) and compare the resulting text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "runtime/obj_exception.h"
#include "runtime/obj_str.h"
#include "runtime/obj_tuple.h"
#include "runtime/ops.h"
#include "runtime/str_format.h"
#include "runtime/str_unicode.h"
#include "runtime/vm.h"

namespace contrail::runtime {
namespace {

// -- Pure helpers (no VM) ------------------------------------------------------------

std::string repr_of(std::string_view s, bool ascii = false) {
  std::string out;
  str_repr_append(out, s, ascii);
  return out;
}

TEST(StrRepr, QuotesLikeCPython) {
  EXPECT_EQ(repr_of("abc"), "'abc'");
  EXPECT_EQ(repr_of("it's"), "\"it's\"");
  EXPECT_EQ(repr_of("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(repr_of("both ' and \""), "'both \\' and \"'");
}

TEST(StrRepr, Escapes) {
  EXPECT_EQ(repr_of("a\\b\n\r\t"), "'a\\\\b\\n\\r\\t'");
  EXPECT_EQ(repr_of(std::string_view("\x00\x1f\x7f", 3)), "'\\x00\\x1f\\x7f'");
  EXPECT_EQ(repr_of("\xc3\xa9"), "'\xc3\xa9'");             // é is printable
  EXPECT_EQ(repr_of("\xc2\xa0"), "'\\xa0'");                // NBSP is not
  EXPECT_EQ(repr_of("\xe2\x80\x8b"), "'\\u200b'");          // zero-width space
  EXPECT_EQ(repr_of("\xf3\xa0\x80\x81"), "'\\U000e0001'");  // language tag
  EXPECT_EQ(repr_of("\xc3\xa9\xe4\xb8\xad", true), "'\\xe9\\u4e2d'");
}

TEST(StrUtf8, RoundTrip) {
  for (uint32_t cp : {0x41u, 0xE9u, 0x4E2Du, 0x1F600u, 0x10FFFFu}) {
    std::string s;
    utf8_append(s, cp);
    size_t pos = 0;
    EXPECT_EQ(utf8_decode(s, &pos), cp);
    EXPECT_EQ(pos, s.size());
    EXPECT_EQ(utf8_count(s), 1u);
  }
  EXPECT_EQ(utf8_count("a\xc3\xa9\xe4\xb8\xad"), 3u);
}

TEST(StrUnicode, Properties) {
  EXPECT_TRUE(uni_is(0xE9, kUniAlpha | kUniLower | kUniCased));
  EXPECT_TRUE(uni_is(0x0663, kUniDecimal));   // ARABIC-INDIC DIGIT THREE
  EXPECT_TRUE(uni_is(0x00B2, kUniDigit));     // superscript two: digit, not decimal
  EXPECT_FALSE(uni_is(0x00B2, kUniDecimal));
  EXPECT_TRUE(uni_is(0x00BD, kUniNumeric));   // one half
  EXPECT_TRUE(uni_is(0x1C, kUniSpace));
  EXPECT_FALSE(uni_is(0x200B, kUniSpace));
  EXPECT_TRUE(uni_is(0x01C5, kUniTitle));
  EXPECT_FALSE(uni_is(0xA0, kUniPrintable));
}

TEST(StrUnicode, CaseMappings) {
  std::string out;
  uni_case_append(out, 0xDF, UniCase::UPPER);  // ß -> SS
  EXPECT_EQ(out, "SS");
  out.clear();
  uni_case_append(out, 0xDF, UniCase::FOLD);
  EXPECT_EQ(out, "ss");
  out.clear();
  uni_case_append(out, 0x130, UniCase::LOWER);  // İ -> i̇
  EXPECT_EQ(out, "i\xcc\x87");
  EXPECT_EQ(uni_case_simple(0xE9, UniCase::UPPER), 0xC9u);
  EXPECT_EQ(uni_case_simple(0x01C4, UniCase::TITLE), 0x01C5u);
}

// -- VM-level ----------------------------------------------------------------------------

class StrVmTest : public ::testing::Test {
 protected:
  Vm vm{VmOptions{}};

  Value s(std::string_view text) { return str_new(vm, text); }

  std::string text(Value v) {
    if (v.is_exception()) {
      Value e = vm.pending;
      vm.pending = Value::null();
      Value m = exception_str(vm, e);
      std::string out = "!";
      out.append(type_name(vm, e)).append(": ").append(m.as<Str>()->view());
      return out;
    }
    Value r = is_str_value(v) ? v : repr(vm, v);
    return std::string(r.as<Str>()->view());
  }

  bool is_str_value(Value v) { return v.is_obj() && v.as_obj()->klass == vm.types.str; }

  // Calls self.name(*args) through the normal attribute + call protocol.
  std::string call_method(Value self, const char* name, std::vector<Value> args = {}) {
    Value m = get_attr(vm, self, str_intern(vm, name));
    if (m.is_exception()) return text(m);
    return text(call(vm, m, CallArgs{std::span<const Value>(args.data(), args.size()), {}, nullptr}));
  }
};

TEST_F(StrVmTest, InternReturnsSameObject) {
  Str* a = str_intern(vm, "hello_intern");
  Str* b = str_intern(vm, "hello_intern");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(str_equal(a, s("hello_intern").as<Str>()));
  EXPECT_EQ(str_hash(a), str_hash(s("hello_intern").as<Str>()));
}

TEST_F(StrVmTest, IndexingAndSlicing) {
  Value v = s("h\xc3\xa9llo");
  EXPECT_EQ(text(get_item(vm, v, Value::small_int(1))), "\xc3\xa9");
  EXPECT_EQ(text(get_item(vm, v, Value::small_int(-1))), "o");
  EXPECT_EQ(text(get_item(vm, v, Value::small_int(5))), "!IndexError: string index out of range");
  int64_t n = 0;
  ASSERT_TRUE(length(vm, v, &n));
  EXPECT_EQ(n, 5);
}

TEST_F(StrVmTest, Operators) {
  EXPECT_EQ(text(binary_op(vm, s("ab"), s("c\xc3\xa9"), BinOp::ADD)), "abc\xc3\xa9");
  EXPECT_EQ(text(binary_op(vm, s("ab"), Value::small_int(3), BinOp::MUL)), "ababab");
  EXPECT_EQ(text(binary_op(vm, Value::small_int(2), s("x"), BinOp::MUL)), "xx");
  EXPECT_EQ(text(binary_op(vm, s("a"), Value::small_int(1), BinOp::ADD)),
            "!TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(text(compare(vm, s("a"), s("\xc3\xa9"), CmpOp::LT)), "True");
  EXPECT_EQ(contains(vm, s("hello"), s("ell")), 1);
}

TEST_F(StrVmTest, Methods) {
  EXPECT_EQ(call_method(s("a,b,,c"), "split", {s(",")}), "['a', 'b', '', 'c']");
  EXPECT_EQ(call_method(s("  a b  c "), "split"), "['a', 'b', 'c']");
  EXPECT_EQ(call_method(s("a b c"), "rsplit", {Value::none(), Value::small_int(1)}), "['a b', 'c']");
  EXPECT_EQ(call_method(s("-"), "join", {s("abc")}), "a-b-c");
  EXPECT_EQ(call_method(s("xxhixx"), "strip", {s("x")}), "hi");
  EXPECT_EQ(call_method(s("hello"), "find", {s("l")}), "2");
  EXPECT_EQ(call_method(s("hello"), "index", {s("z")}), "!ValueError: substring not found");
  EXPECT_EQ(call_method(s("hello"), "find"), "!TypeError: find() takes at least 1 argument (0 given)");
  EXPECT_EQ(call_method(s("stra\xc3\x9f" "e"), "upper"), "STRASSE");
  EXPECT_EQ(call_method(s("\xce\x9f\xce\xa3"), "lower"), "\xce\xbf\xcf\x82");  // ΟΣ -> ος
  EXPECT_EQ(call_method(s("hello world"), "title"), "Hello World");
  EXPECT_EQ(call_method(s("ab"), "center", {Value::small_int(5), s("*")}), "**ab*");
  EXPECT_EQ(call_method(s("-42"), "zfill", {Value::small_int(6)}), "-00042");
  EXPECT_EQ(call_method(s("a=b"), "partition", {s("=")}), "('a', '=', 'b')");
}

TEST_F(StrVmTest, FormatValue) {
  EXPECT_EQ(text(format_value(vm, Value::small_int(255), "#x")), "0xff");
  EXPECT_EQ(text(format_value(vm, Value::boolean(true), "")), "True");
  EXPECT_EQ(text(format_value(vm, Value::boolean(true), ">5")), "    1");
  EXPECT_EQ(text(format_value(vm, Value::from_double(3.14159), ".2f")), "3.14");
  EXPECT_EQ(text(format_value(vm, s("ab"), "^6")), "  ab  ");
  EXPECT_EQ(text(format_value(vm, Value::none(), "x")),
            "!TypeError: unsupported format string passed to NoneType.__format__");
}

TEST_F(StrVmTest, PercentFormat) {
  Value items[] = {s("x"), Value::small_int(42), Value::from_double(2.5)};
  Value t = tuple_from(vm, items);
  EXPECT_EQ(text(str_percent(vm, s("%s=%05d %.1f %%").as<Str>(), t)), "x=00042 2.5 %");
  EXPECT_EQ(text(str_percent(vm, s("%s %s").as<Str>(), Value::small_int(1))),
            "!TypeError: not enough arguments for format string");
  EXPECT_EQ(text(str_percent(vm, s("hi").as<Str>(), Value::small_int(1))),
            "!TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(text(str_percent(vm, s("%d").as<Str>(), s("x"))),
            "!TypeError: %d format: a real number is required, not str");
}

TEST_F(StrVmTest, FormatMethod) {
  EXPECT_EQ(call_method(s("{} and {}"), "format", {Value::small_int(1), s("b")}), "1 and b");
  EXPECT_EQ(call_method(s("{1}{0}{{}}"), "format", {s("a"), s("b")}), "ba{}");
  EXPECT_EQ(call_method(s("{:>{}}"), "format", {s("a"), Value::small_int(3)}), "  a");
  EXPECT_EQ(call_method(s("{0!r}"), "format", {s("a")}), "'a'");
  EXPECT_EQ(call_method(s("{} {1}"), "format", {s("a"), s("b")}),
            "!ValueError: cannot switch from automatic field numbering to manual field specification");
  EXPECT_EQ(call_method(s("{2}"), "format", {s("a")}),
            "!IndexError: Replacement index 2 out of range for positional args tuple");
}

TEST_F(StrVmTest, IterationByCodePoint) {
  RootValue it(vm, get_iter(vm, s("a\xc3\xa9\xf0\x9f\x99\x82")));
  std::string seen;
  for (Value c = iter_next(vm, it); !c.is_null(); c = iter_next(vm, it)) seen += text(c) + "|";
  EXPECT_EQ(seen, "a|\xc3\xa9|\xf0\x9f\x99\x82|");
  EXPECT_TRUE(iter_next(vm, it).is_null());  // stays exhausted
}

TEST_F(StrVmTest, Constructor) {
  Value str_type = Value::object(vm.types.str);
  EXPECT_EQ(text(call0(vm, str_type)), "");
  EXPECT_EQ(text(call1(vm, str_type, Value::small_int(12))), "12");
  EXPECT_EQ(text(call2(vm, str_type, s("a"), s("utf-8"))), "!TypeError: decoding str is not supported");
}

TEST_F(StrVmTest, FString) {
  EXPECT_EQ(text(format_fstring_value(vm, s("a"), kFormatConvRepr, Value::null())), "'a'");
  EXPECT_EQ(text(format_fstring_value(vm, Value::small_int(7), kFormatConvNone, s("03d"))), "007");
}

}  // namespace
}  // namespace contrail::runtime
